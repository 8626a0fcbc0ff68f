package org.temper.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.Calibrator;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
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
        assertTrue(r.out().contains("ECE (top-label, equal-width bins)             0.4375"), r.out());
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

    /**
     * Issue 12's bad input for --method, fitted on held-out outputs: the held-out outputs, their labels, the method
     * and options, and the one-line error ({F}, {FL} and {E} stand for the held-out outputs, their labels and the
     * evaluated outputs). The evaluated outputs are three-class logits, or probabilities with --probabilities.
     */
    static Stream<Arguments> badHeldOutInput() {
        String three = "1,0,0\n0,1,0\n0,0,1\n";
        String dirichlet = "Dirichlet calibration (ODIR, lambda = 0.001, mu = 0.001)";
        return Stream.of(
                Arguments.of(three, "0\n0\n0\n", List.of("--method", "isotonic"), "isotonic calibration cannot be"
                        + " fitted on {F}: isotonic calibration needs held-out examples of at least two classes, but"
                        + " every one of the 3 is labelled 0"),
                Arguments.of("1,0,0\n0,1,0\n", "0\n1\n", List.of("--method", "dirichlet"), dirichlet + " cannot be"
                        + " fitted on {F}: " + dirichlet + " needs held-out examples of every class, but class 2 of 3"
                        + " never occurs among the 2: the free diagonal of W would push it down without end"),
                Arguments.of(three + "1,0,0\n", "0\n1\n2\n0\n", List.of("--method", "histogram", "--bins", "5"),
                        "histogram binning (equal-mass, 5 bins) cannot be fitted on {F}: histogram binning (equal-mass,"
                        + " 5 bins) needs at least 5 held-out examples, got 4"),
                Arguments.of("1,0,0\n", "0\n", List.of("--method", "platt"), "Platt scaling (one-vs-rest) cannot be"
                        + " fitted on {F}: Platt scaling (one-vs-rest) needs at least 2 held-out examples, got 1"),
                Arguments.of("1,0\n0,1\n", "0\n1\n", List.of("--method", "isotonic"),
                        "{F} has 2 classes but {E} has 3: fit and evaluate on outputs of the same model"),
                Arguments.of(three, "0\n3\n1\n", List.of("--method", "isotonic"),
                        "{FL} line 2: label 3 is not a class index 0 to 2"),
                Arguments.of("1.2,-.1,-.1\n0,1,0\n", "0\n1\n", List.of("--method", "isotonic", "--probabilities"),
                        "{F} line 1: probability of class 0 is 1.2, not in [0, 1]"),
                Arguments.of("3,0,0\n0,3,0\n0,0,3\n", "0\n1\n2\n", List.of("--method", "temperature"),
                        "temperature scaling cannot be fitted on {F}: NLL keeps falling as T goes to 0: the held-out"
                        + " logits separate the classes perfectly, so no finite temperature minimises it"));
    }

    @ParameterizedTest
    @MethodSource("badHeldOutInput")
    void badHeldOutInputIsOneLineNamingTheFileTheClassOrTheMethod(String fitText, String fitLabelsText,
                                                                   List<String> options, String expected)
            throws IOException {
        boolean probabilities = options.contains("--probabilities");
        String outputs = file("e.csv", probabilities ? ".5,.25,.25\n.25,.5,.25\n.25,.25,.5\n.5,.25,.25\n"
                : "2,0,0\n0,2,0\n0,0,2\n1,0,0\n");
        String fit = file("f.csv", fitText);
        String fitLabels = file("fl.csv", fitLabelsText);
        List<String> args = new ArrayList<>(List.of("--logits", outputs, "--labels", file("y.csv", "0\n1\n2\n1\n"),
                "--fit-logits", fit, "--fit-labels", fitLabels));
        args.addAll(options);
        assertOneLineError(calibrate(args.toArray(String[]::new)),
                expected.replace("{FL}", fitLabels).replace("{F}", fit).replace("{E}", outputs));
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
        assertOneLineError(bad, "--method: no recalibration method is named 'magic': use one of temperature, vector,"
                + " matrix, dirichlet, ets, platt, isotonic, histogram, beta or all");
        Result lonely = calibrate("--logits", logits, "--labels", labels, "--fit-logits", fit);
        assertTrue(lonely.err().contains("--fit-logits and --fit-labels go together"), lonely.err());
    }

    /** Over-confident logits of three classes, 3 (N(0, 1) + 1.5 on the label), and their labels, as CSV. */
    private String[] overconfident(String name, int n, long seed) throws IOException {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder z = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(3);
            for (int k = 0; k < 3; k++) {
                z.append(k == 0 ? "" : ",").append(3 * (random.nextGaussian() + (k == label ? 1.5 : 0)));
            }
            z.append('\n');
            y.append(label).append('\n');
        }
        return new String[] {file(name + "z.csv", z.toString()), file(name + "y.csv", y.toString())};
    }

    private static Predictions read(String outputs, String labels) throws Exception {
        int[] y = CsvTable.read(Path.of(labels)).labels(3);
        return CsvTable.read(Path.of(outputs)).predictions(y, false, 1e-4);
    }

    /** Runs --method on held-out outputs with --json, expecting success. */
    private Result recalibrate(String[] fit, String[] test, String method, Path json) {
        Result r = calibrate("--logits", test[0], "--labels", test[1], "--fit-logits", fit[0], "--fit-labels", fit[1],
                "--method", method, "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    /** The number of models a reliability diagram draws: one histogram series each. */
    private static int models(JFreeChart chart) {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getXYPlot();
        return ((XYPlot) plot.getSubplots().get(1)).getDataset().getSeriesCount();
    }

    /**
     * A --diagram run of --method on over-confident outputs, and those outputs.
     * @param image the PNG written
     * @param fitOn the held-out outputs
     * @param evaluated the evaluated ones, in {@code <prefix>ez.csv}
     */
    private record Diagram(BufferedImage image, Predictions fitOn, Predictions evaluated) {

        Recalibrations.Result fitted(String name) throws InputException {
            return Recalibrations.fit(name, Recalibrations.calibrator(name,
                    new Recalibrations.Options(15, 0.001, 0.001)), fitOn, evaluated, CalibrationSettings.defaults());
        }
    }

    private Diagram diagram(String method, String prefix) throws Exception {
        String[] fit = overconfident(prefix + "f", 150, 1);
        String[] test = overconfident(prefix + "e", 100, 2);
        Path png = dir.resolve(prefix + ".png");
        Result r = calibrate("--logits", test[0], "--labels", test[1], "--fit-logits", fit[0], "--fit-labels", fit[1],
                "--method", method, "--diagram", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Wrote " + png), r.out());
        return new Diagram(ImageIO.read(png.toFile()), read(fit[0], fit[1]), read(test[0], test[1]));
    }

    @Test
    void theDiagramOfOneMethodDrawsBeforeAndAfterIt() throws Exception {
        Diagram d = diagram("isotonic", "d");
        assertEquals(700, d.image().getWidth());
        assertEquals(800, d.image().getHeight());
        CalibrationReport before = CalibrationReport.of(d.evaluated());
        List<Recalibrations.Result> isotonic = List.of(d.fitted("isotonic"));
        List<JFreeChart> charts = ReliabilityFigure.charts("dez.csv", before, null, isotonic);
        assertEquals(1, charts.size());
        assertEquals(2, models(charts.get(0)));
        assertEquals("Reliability diagram of dez.csv", charts.get(0).getTitle().getText());
        TemperatureFit temperature = TemperatureScaling.byNll().fit(d.evaluated(), CalibrationSettings.defaults());
        assertEquals(3, models(ReliabilityFigure.charts("dez.csv", before, temperature, isotonic).get(0)),
                "before, after T and after the method");
    }

    @Test
    void theDiagramOfEveryMethodIsAGridOfOnePanelPerFittedMethod() throws Exception {
        Diagram d = diagram("all", "g");
        assertEquals(3 * 500, d.image().getWidth(), "three panels a row");
        assertEquals(3 * 560, d.image().getHeight(), "nine methods: three rows");
        List<Recalibrations.Result> results = new ArrayList<>();
        for (String name : Recalibrations.NAMES) {
            results.add(d.fitted(name));
        }
        results.add(new Recalibrations.Result("broken", results.get(0).calibrator(), null, null, "did not fit"));
        List<JFreeChart> panels = ReliabilityFigure.charts("gez.csv", CalibrationReport.of(d.evaluated()), null,
                results);
        assertEquals(9, panels.size(), "the method that failed has no panel");
        for (int m = 0; m < 9; m++) {
            assertEquals(2, models(panels.get(m)));
            assertEquals(Recalibrations.NAMES.get(m) + ": gez.csv", panels.get(m).getTitle().getText());
        }
    }

    @Test
    void methodAllFitsEveryMethodAndTabulatesThem() throws Exception {
        String[] fit = overconfident("f", 150, 1);
        String[] test = overconfident("e", 100, 2);
        Path json = dir.resolve("all.json");
        Result r = recalibrate(fit, test, "all", json);
        JsonNode methods = new ObjectMapper().readTree(json.toFile()).at("/recalibration/methods");
        assertEquals(9, methods.size());
        // every method's row is in the table, and each JSON entry holds what the library computes
        Predictions fitOn = read(fit[0], fit[1]);
        Predictions evaluated = read(test[0], test[1]);
        for (int m = 0; m < 9; m++) {
            String name = Recalibrations.NAMES.get(m);
            JsonNode entry = methods.get(m);
            assertEquals(name, entry.get("name").asText());
            Calibrator calibrator = Recalibrations.calibrator(name, new Recalibrations.Options(15, 0.001, 0.001));
            assertTrue(r.out().contains(calibrator.name()), name + "\n" + r.out());
            double nll = CalibrationReport.of(calibrator.fit(fitOn).apply(evaluated)).value(Metric.NLL);
            assertEquals(nll, entry.at("/metrics/nll/value").asDouble(), 1e-12, name);
            assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%.4f", nll)), name);
        }
        assertTrue(r.out().contains("(none: as given)"), r.out());
        assertEquals(1, methods.get(0).at("/parameters/T").size());
        assertEquals(9, methods.get(2).at("/parameters/W").size());
        assertTrue(r.out().contains("T = "), r.out());
    }

    @Test
    void vectorScalingOnHeldOutOutputsAndItsErrors() throws Exception {
        String[] fit = overconfident("f", 120, 3);
        String[] test = overconfident("e", 60, 4);
        Path json = dir.resolve("v.json");
        Result r = recalibrate(fit, test, "vector", json);
        assertTrue(r.out().contains("Recalibration: vector scaling (3 classes, on logits): w = "), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("vector scaling", root.at("/recalibration/method").asText());
        assertEquals(3, root.at("/recalibration/parameters/w").size());
        assertEquals(3, root.at("/recalibration/parameters/b").size());
        // a held-out set without class 2 cannot fit vector scaling: one line naming the class
        String noTwo = file("n.csv", "1,0,0\n0,1,0\n");
        String noTwoLabels = file("nl.csv", "0\n1\n");
        Result bad = calibrate("--logits", test[0], "--labels", test[1], "--fit-logits", noTwo, "--fit-labels",
                noTwoLabels, "--method", "vector");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("temper calibrate: vector scaling cannot be fitted on " + noTwo
                + ": vector scaling needs held-out examples of every class, but class 2 of 3 never occurs"), bad.err());
        Result negative = calibrate("--logits", test[0], "--labels", test[1], "--method", "matrix", "--lambda", "-1");
        assertTrue(negative.exit() == 2 && negative.err().contains("--lambda and --mu must be >= 0, got -1.0"),
                negative.err());
        // --method all reports the same failure in its row and goes on
        Path allJson = dir.resolve("a.json");
        Result all = recalibrate(new String[] {noTwo, noTwoLabels}, test, "all", allJson);
        assertTrue(all.out().contains("not fitted: vector scaling needs held-out examples of every class"), all.out());
        JsonNode vector = new ObjectMapper().readTree(allJson.toFile()).at("/recalibration/methods/1");
        assertTrue(vector.get("error").asText().startsWith("vector scaling needs held-out examples"), vector.toString());
        assertTrue(vector.get("metrics") == null, vector.toString());
    }

    @Test
    void temperatureScalingOfProbabilitiesTakesTheirLogAndSaysSo() throws IOException {
        Result r = calibrate("--logits", fourProbabilities(), "--labels", fourLabels(), "--probabilities",
                "--method", "temperature");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(on log(probabilities), as it needs logits)"), r.out());
    }
}
