package org.temper.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class CalibrateCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result calibrate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TemperCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("calibrate"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    /** The four-example case of CalibrationReportTest, worked by hand there: ECE .4375 with 5 bins. */
    private String fourProbabilities() throws IOException {
        return file("p.csv", "p0,p1,p2\n.5,.25,.25\n.125,.75,.125\n.0625,.0625,.875\n.25,.375,.375\n");
    }

    private String fourLabels() throws IOException {
        return file("y.csv", "0\n2\n2\n2\n");
    }

    private void assertOneLineError(Result r, String expected) {
        assertEquals(2, r.exit(), r.err());
        assertEquals("temper calibrate: " + expected + System.lineSeparator(), r.err());
    }

    @Test
    void jsonHoldsEveryMetricAndTheBinTable() throws IOException {
        Path json = dir.resolve("out.json");
        Result r = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(), "--probabilities",
                "--bins", "5", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("input", "settings", "metrics", "bins", "temperature_scaling", "recalibration"), keys);
        assertEquals(4, root.at("/input/examples").asInt());
        assertEquals("probabilities", root.at("/input/kind").asText());
        // hand-worked in CalibrationReportTest: ECE .4375, MCE .75, Brier .583984375, classwise .3125
        assertEquals(0.4375, root.at("/metrics/ece/value").asDouble(), 1e-12);
        assertEquals(0.75, root.at("/metrics/mce/value").asDouble(), 1e-12);
        assertEquals(0.583984375, root.at("/metrics/brier/value").asDouble(), 1e-12);
        assertEquals(0.3125, root.at("/metrics/classwise_ece/value").asDouble(), 1e-12);
        assertTrue(root.at("/metrics/ece/lower").isNull(), "no bootstrap, no interval");
        JsonNode bins = root.at("/bins/equal_width");
        assertEquals(5, bins.size());
        assertTrue(bins.get(0).get("accuracy").isNull(), "empty bin");
        assertEquals(0.6, bins.get(3).get("lower").asDouble(), 1e-12);
        assertEquals(1, bins.get(3).get("count").asInt());
        assertEquals(-0.75, bins.get(3).get("gap").asDouble(), 1e-12);
        assertEquals(3, root.at("/bins/classwise").size());
        assertTrue(root.get("temperature_scaling").isNull());
        assertTrue(r.out().contains("ECE (equal-width bins)                        0.4375"), r.out());
        assertTrue(r.out().contains("   4  0.6000 - 0.8000          1      0.7500    0.0000  -0.7500"), r.out());
    }

    @Test
    void fitsTheTemperatureAndDrawsTheDiagram() throws IOException {
        // Logits [0, 2] four times, three labelled 1: NLL is least at T = 2 / ln 3 (worked in
        // TemperatureScalingTest); one column means a binary problem given as the logit of class 1.
        String logits = file("z.csv", "2\n2\n2\n2\n");
        String labels = file("y.csv", "1\n1\n1\n0.0\n");
        Path json = dir.resolve("t.json");
        Path png = dir.resolve("d.png");
        Result r = calibrate("--logits", logits, "--labels", labels, "--fit-temperature", "NLL",
                "--bootstrap", "50", "--json", json.toString(), "--diagram", png.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("nll", root.at("/temperature_scaling/objective").asText());
        assertEquals(2 / Math.log(3), root.at("/temperature_scaling/temperature").asDouble(), 1e-9);
        // after: p(class 1) = 3/4 for every example: NLL = -(3 ln .75 + ln .25) / 4
        assertEquals(-(3 * Math.log(.75) + Math.log(.25)) / 4,
                root.at("/temperature_scaling/metrics/nll/value").asDouble(), 1e-12);
        assertTrue(root.at("/metrics/nll/lower").isDouble(), "bootstrap interval");
        assertTrue(r.out().contains("T = 1.820478"), r.out());
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, header);
    }

    @Test
    void probabilitiesNeedTakeLogForTemperatureScaling() throws IOException {
        Result refused = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(), "--probabilities",
                "--fit-temperature", "ece");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("add --take-log"), refused.err());
        Result accepted = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(), "--probabilities",
                "--take-log", "--fit-temperature", "ece");
        assertEquals(0, accepted.exit(), accepted.err());
        assertTrue(accepted.out().contains("log probabilities"), accepted.out());
    }

    @Test
    void binaryProbabilitiesInOneColumn() throws IOException {
        // p(class 1) = .875, .25, .625, labels 1 0 0: ECE (5 bins) = 1/6, worked in CalibrationReportTest
        Path json = dir.resolve("b.json");
        Result r = calibrate("--logits", file("b.csv", ".875\n.25\n.625\n"), "--labels", file("y.csv", "1\n0\n0\n"),
                "--probabilities", "--bins", "5", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(0.5 / 3, new ObjectMapper().readTree(json.toFile()).at("/metrics/ece/value").asDouble(), 1e-12);
    }

    /** Malformed input: outputs file, labels file, and the expected message ({O} and {L} stand for their paths). */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a,b,c\n1,2,3\n4,5\n", "0\n1\n", "{O} line 3: 2 values, but line 2 has 3"),
                Arguments.of("logit\n1,2\n", "0\n", "{O} line 2: 2 values, but the header has 1"),
                Arguments.of("1,2\n3,x\n", "0\n1\n", "{O} line 2, column 2: 'x' is not a number"),
                Arguments.of("1,2,3\n4,5,6\n", "label\n0\n3\n", "{L} line 3: label 3 is not a class index 0 to 2"),
                Arguments.of("1,2,3\n4,5,6\n", "0\n1.5\n", "{L} line 2: label 1.5 is not a class index 0 to 2"),
                Arguments.of("1,2\n3,4\n5,6\n", "0\n1\n", "{O} has 3 examples but {L} has 2 labels (the last on line 2)"),
                Arguments.of("1,2\n", "0,1\n", "{L} line 1: 2 columns, but a labels file has one label per line"),
                Arguments.of("a,b\n", "0\n", "{O} has no data rows"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedCsvIsOneLineNamingTheLine(String outputsText, String labelsText, String expected) throws IOException {
        String outputs = file("z.csv", outputsText);
        String labels = file("y.csv", labelsText);
        assertOneLineError(calibrate("--logits", outputs, "--labels", labels),
                expected.replace("{O}", outputs).replace("{L}", labels));
    }

    @Test
    void badProbabilityRowNamesItsLine() throws IOException {
        String p = file("p.csv", "yes,no\n.5,.5\n.7,.7\n");
        // "yes,no" is a row without numbers: a header, so the bad row is on line 3
        assertOneLineError(calibrate("--logits", p, "--labels", file("y.csv", "0\n1\n"), "--probabilities"),
                p + " line 3: probabilities sum to 1.4, not 1 (tolerance 1.0E-4)");
    }

    @Test
    void missingFileAndBadOptions() throws IOException {
        String missing = dir.resolve("none.csv").toString();
        assertOneLineError(calibrate("--logits", missing, "--labels", fourLabels()), "no such file: " + missing);
        Result bins = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(), "--bins", "0");
        assertEquals(2, bins.exit());
        assertTrue(bins.err().startsWith("--bins must be 1 to 10000, got 0"), bins.err());
        Result many = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(), "--bins", "2000000000");
        assertTrue(many.err().startsWith("--bins must be 1 to 10000, got 2000000000"), many.err());
        Result objective = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(),
                "--fit-temperature", "mse");
        assertEquals(2, objective.exit());
        assertTrue(objective.err().contains("expected nll or ece, got 'mse'"), objective.err());
    }

    @Test
    void outputsNeverReplaceAnInputOrAnExistingFileAndBadExtensionsFailFirst() throws IOException {
        String labels = fourLabels();
        String before = Files.readString(Path.of(labels));
        Result r = calibrate("--logits", fourProbabilities(), "--labels", labels, "--probabilities", "--json", labels);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("also an input"), r.err());
        assertEquals(before, Files.readString(Path.of(labels)), "the labels are untouched");
        Path existing = Path.of(file("old.json", "{}"));
        r = calibrate("--logits", fourProbabilities(), "--labels", labels, "--probabilities", "--json",
                existing.toString());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("{}", Files.readString(existing));
        Path json = dir.resolve("new.json");
        r = calibrate("--logits", fourProbabilities(), "--labels", labels, "--probabilities", "--json", json.toString(),
                "--diagram", dir.resolve("d.jpg").toString());
        assertOneLineError(r, "--diagram " + dir.resolve("d.jpg") + ": give a file name ending in .png or .svg");
        assertTrue(Files.notExists(json), "nothing written when an option is wrong");
    }

    @Test
    void probabilitiesGivenAsLogitsAndZeroTrueClassProbabilitiesAreWarnedAbout() throws IOException {
        Result r = calibrate("--logits", fourProbabilities(), "--labels", fourLabels());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("look like probabilities, not logits; add --probabilities"), r.err());
        String rounded = file("weka.csv", "0,0.5,0.5\n0.125,0.75,0.125\n0,1,0\n0.25,0.375,0.375\n");
        r = calibrate("--logits", rounded, "--labels", fourLabels(), "--probabilities", "--take-log",
                "--fit-temperature", "nll");
        assertTrue(r.err().contains("2 row(s)") && r.err().contains("lines [1, 3]"), r.err());
        assertTrue(r.err().contains("more decimals"), r.err());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstValue() throws IOException {
        String logits = file("bom.csv", "\uFEFFx,y\n1,2\nz,3\n");
        Result r = calibrate("--logits", logits, "--labels", file("y2.csv", "0\n1\n"));
        assertOneLineError(r, logits + " line 3, column 1: 'z' is not a number");
        String values = file("bom2.csv", "\uFEFF0.5,2\n1,2\n");
        r = calibrate("--logits", values, "--labels", file("y3.csv", "0\n1\n"));
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void recalibratesByAMethodFittedOnHeldOutOutputs() throws IOException {
        // held out: logits [0, 2] of which three of four are class 1, so Platt and isotonic move p1 to 0.75;
        // evaluated: the same logits, labels 1, 1, 0, 1
        String fit = file("fz.csv", "0,2\n0,2\n0,2\n0,2\n");
        String fitLabels = file("fy.csv", "1\n1\n0\n1\n");
        String logits = file("ez.csv", "0,2\n0,2\n0,2\n0,2\n");
        String labels = file("ey.csv", "1\n1\n0\n1\n");
        Path json = dir.resolve("r.json");
        Result r = calibrate("--logits", logits, "--labels", labels, "--method", "isotonic", "--fit-logits", fit,
                "--fit-labels", fitLabels, "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Recalibration: ") && r.out().contains("fitted on " + fit), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(fit, root.at("/recalibration/fitted_on").asText());
        // after isotonic every p1 is 0.75 and three of four are right: accuracy .75, confidence .75, ECE 0
        assertEquals(0.0, root.at("/recalibration/metrics/ece/value").asDouble(), 1e-9);
        assertEquals(0.75, root.at("/recalibration/metrics/mean_confidence/value").asDouble(), 1e-9);
        Result bad = calibrate("--logits", logits, "--labels", labels, "--method", "magic");
        assertOneLineError(bad, "--method: no recalibration method is named 'magic': use one of platt, isotonic,"
                + " histogram, temperature");
        Result lonely = calibrate("--logits", logits, "--labels", labels, "--fit-logits", fit);
        assertTrue(lonely.err().contains("--fit-logits and --fit-labels go together"), lonely.err());
    }
}
