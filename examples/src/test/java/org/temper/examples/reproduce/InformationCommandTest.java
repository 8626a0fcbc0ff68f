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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code temper reproduce information} end to end on a tiny slice of Fashion-MNIST (600 training and
 * 300 test images, two epochs), run once for the class: the estimate after every epoch within
 * [0, log N], a rerun that reads the trials back, and the HTML report in headless Chromium.
 */
class InformationCommandTest extends TinyRunTest {

    private static final TinyRuns TINY = new TinyRuns("information", List.of("--train-examples", "600", "--test-examples", "300", "--epochs", "2"));

    @Override
    TinyRuns tiny() {
        return TINY;
    }

    @Test
    void writesTheEstimateOfEveryEpochForBothTeachersWithTheFormula() throws Exception {
        for (String f : List.of("report.html", "report.md", "results.json", "information.png", "information.svg")) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertEquals("[\"T-shirt/top\",\"Pullover\"]", results.get("classes").toString());
        int n = results.get("examples").asInt();
        assertTrue(n > 50 && n <= 2 * InformationExperiment.PER_CLASS, "N = " + n);
        assertEquals(Math.log(n), results.get("logN").asDouble(), 1e-12);
        assertEquals(InformationExperiment.PASSES, results.get("passes").asInt());
        JsonNode trials = results.get("trials");
        assertEquals(2, trials.size());
        for (JsonNode t : trials) {
            JsonNode epochs = t.get("information");
            assertEquals(2, epochs.size());
            for (int e = 0; e < 2; e++) {
                assertEquals(e + 1, epochs.get(e).get("epoch").asInt());
                JsonNode estimate = epochs.get(e).get("estimate");
                double info = estimate.get("information").asDouble();
                assertTrue(info >= 0 && info <= Math.log(n) + 1e-9, "I = " + info);
                assertTrue(estimate.get("noise").asDouble() > 0);
            }
        }
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("log N - (1/N) sum_x log sum_x' exp(-(mu_x - mu_x')^2 / (2 sigma^2))"), md);
        assertTrue(md.contains("| 2 |") && md.contains("I(X;Y) nats, label smoothing 0.10"), md);
    }

    @Test
    void aRerunReadsTheTrialsBack() throws Exception {
        List<FileTime> before = TinyRuns.trialTimes(folder, 2);
        Run again = TINY.run(folder);
        assertEquals(0, again.code(), again.err());
        assertEquals(2, again.out().split("read back from", -1).length - 1, again.out());
        assertEquals(before, TinyRuns.trialTimes(folder, 2));
    }

    @Test
    void chromiumShowsTheReportWithEveryImage() throws Exception {
        HeadlessChromium.assertEveryImageLoads(folder.resolve("report.html"), 1,
                dir.resolve("chromium"));
    }
}
