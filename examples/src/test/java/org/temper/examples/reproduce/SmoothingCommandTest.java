package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.temper.examples.TrainCommandTest;
import org.temper.examples.TrainCommandTest.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code temper reproduce smoothing} end to end on a tiny slice of Fashion-MNIST (600 training, 300
 * held-out and 500 test images, one epoch), run once for the class: its outputs, a rerun that reads the
 * trials back, the refusal of other experiments' folders, and the HTML report in headless Chromium.
 */
class SmoothingCommandTest extends TinyRunTest {

    private static final TinyRuns TINY = new TinyRuns("smoothing", List.of("--train-examples", "600", "--held-out",
            "300", "--test-examples", "500", "--epochs", "1"));

    @Override
    TinyRuns tiny() {
        return TINY;
    }

    @Test
    void writesTheReportsFiguresAndEveryAlphaBesideThePublishedNumbers() throws Exception {
        for (String f : List.of("report.html", "report.md", "results.json", "experiment.json", "reliability.png",
                "reliability.svg", "ece-vs-alpha.png", "ece-vs-alpha.svg")) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        JsonNode summaries = results.get("summaries");
        assertEquals(PublishedSmoothing.ALPHAS.size(), summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            JsonNode a = summaries.get(i);
            assertEquals(PublishedSmoothing.ALPHAS.get(i), a.get("alpha").asDouble());
            for (String field : List.of("accuracy", "ece", "temperatureNll", "eceAfterNll", "temperatureEce",
                    "eceAfterEce")) {
                assertTrue(a.get(field).get("mean").isNumber(), field + " of alpha " + i);
            }
            assertTrue(a.get("publishedEce").isNumber());
        }
        assertEquals(5, results.get("trials").size());
        assertFalse(results.get("trials").get(0).has("testLogits"), "logits stay in trials/");
        assertEquals(0.0097, results.get("published").get("ece").get(0).asDouble());
        assertEquals("1.29.0", results.get("run").get("onnxRuntime").asText());
        assertTrue(results.get("figures").has("reliability") && results.get("figures").has("ece-vs-alpha"));
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("| 0.30 |") && md.contains("ECE (published)") && md.contains("held-out"), md);
        assertTrue(first.out().contains("[1/5] alpha 0.00 seed 1 epoch   1/1"), first.out());
        assertTrue(first.out().contains("Estimate on cpu from one measured epoch"), first.out());
    }

    @Test
    void aRerunReadsTheTrialsBackWithoutTraining() throws Exception {
        List<FileTime> before = TinyRuns.trialTimes(folder, 5);
        Run again = TINY.run(folder);
        assertEquals(0, again.code(), again.err());
        assertEquals(5, again.out().split("read back from", -1).length - 1, again.out());
        assertFalse(again.out().contains("epoch   1/1"), "nothing is trained again: " + again.out());
        assertTrue(again.out().contains("kept from the run"), again.out());
        assertEquals(before, TinyRuns.trialTimes(folder, 5));
    }

    @Test
    void refusesAFolderOfOtherSettingsOrOfSomethingElse() throws Exception {
        Run other = TINY.run(folder, "--seeds", "2");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds the results of experiment 'smoothing'")
                && other.err().contains("seeds 1 there, 2 here"), other.err());
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Run refused = TINY.run(foreign);
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("holds no experiment.json"), refused.err());
        Path another = Files.createDirectories(dir.resolve("another"));
        Files.writeString(another.resolve("experiment.json"), Files.readString(folder.resolve("experiment.json"))
                .replace("\"smoothing\"", "\"penalty\""));
        Run mixed = TINY.run(another);
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("experiment 'penalty'"), mixed.err());
    }

    @Test
    void withNoHeldOutImagesTheTemperaturesAreFittedOnTheTestSetAndTheReportSaysSo() throws Exception {
        Path all = dir.resolve("no-held-out");
        Run run = TrainCommandTest.run("reproduce", "smoothing", "--quick", "--out", all.toString(), "--train-examples",
                "600", "--held-out", "0", "--test-examples", "300", "--epochs", "1");
        assertEquals(0, run.code(), run.err() + run.out());
        assertTrue(run.out().contains("no held-out (temperatures fitted on the test set)"), run.out());
        JsonNode results = new ObjectMapper().readTree(all.resolve("results.json").toFile());
        assertEquals(0, results.get("experiment").get("scale").get("heldOut").asInt());
        assertTrue(results.get("notes").toString().contains("fitted on the test set"), results.get("notes").toString());
        assertTrue(Files.readString(all.resolve("report.md")).contains("fitted on the test set"));
    }

    @Test
    void chromiumShowsTheReportWithEveryImage() throws Exception {
        HeadlessChromium.assertEveryImageLoads(folder.resolve("report.html"), SmoothingFigures.NAMES.size(),
                dir.resolve("chromium"));
    }
}
