package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.temper.examples.TrainCommandTest.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code temper reproduce projection} end to end on a tiny slice of Fashion-MNIST (600 training and 500
 * test images, one epoch), run once for the class: its outputs, a rerun that reads the trials back,
 * the refusal of another experiment's folder, and the HTML report in headless Chromium.
 */
class ProjectionCommandTest extends TinyRunTest {

    private static final TinyRuns TINY = new TinyRuns("projection", List.of("--train-examples", "600", "--test-examples", "500", "--epochs", "1"));

    @Override
    TinyRuns tiny() {
        return TINY;
    }

    @Test
    void writesTheFigureAndTheClustersOfBothNetsOnTrainingAndTestImages() throws Exception {
        for (String f : List.of("report.html", "report.md", "results.json", "experiment.json", "projection.png",
                "projection.svg")) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertEquals("[\"T-shirt/top\",\"Trouser\",\"Pullover\"]", results.get("classes").toString());
        JsonNode trials = results.get("trials");
        assertEquals(2, trials.size());
        assertEquals(0.1, trials.get(1).get("alpha").asDouble());
        for (JsonNode t : trials) {
            assertEquals(3, t.get("templates").size());
            for (String part : List.of("trainPoints", "testPoints")) {
                JsonNode shape = t.get(part).get("shape");
                assertTrue(shape.get("tightness").isNumber() && shape.get("unevenness").isNumber(), part);
                assertEquals(3, shape.get("distances").size());
                assertFalse(t.get(part).has("u"), "the points stay in trials/");
            }
        }
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("| label smoothing 0.10 | test |") && md.contains("tightness"), md);
        assertTrue(first.out().contains("[1/2] alpha 0.00 seed 1 epoch   1/1"), first.out());
    }

    @Test
    void aRerunReadsTheTrialsBackAndAnotherExperimentIsRefusedTheFolder() throws Exception {
        List<FileTime> before = TinyRuns.trialTimes(folder, 2);
        Run again = TINY.run(folder);
        assertEquals(0, again.code(), again.err());
        assertEquals(2, again.out().split("read back from", -1).length - 1, again.out());
        assertEquals(before, TinyRuns.trialTimes(folder, 2));
        Run other = new TinyRuns("information", TINY.tiny()).run(folder);
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds the results of experiment 'projection'"), other.err());
    }

    @Test
    void chromiumShowsTheReportWithEveryImage() throws Exception {
        HeadlessChromium.assertEveryImageLoads(folder.resolve("report.html"), 1,
                dir.resolve("chromium"));
    }
}
