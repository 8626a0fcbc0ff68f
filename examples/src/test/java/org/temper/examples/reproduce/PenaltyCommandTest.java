package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.temper.examples.TrainCommandTest.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code temper reproduce penalty} end to end on a tiny slice of Fashion-MNIST (400 training and 300
 * test images, one epoch, all 17 configurations), run once for the class: its outputs, a rerun that
 * reads the trials back, the refusal of other folders, and the HTML report in headless Chromium; and
 * the recipes the configurations hand to the engine.
 */
class PenaltyCommandTest extends TinyRunTest {

    private static final TinyRuns TINY = new TinyRuns("penalty", List.of("--train-examples", "400", "--test-examples", "300", "--epochs", "1"));

    @Override
    TinyRuns tiny() {
        return TINY;
    }

    @Test
    void writesTheReportFiguresAndEveryConfigurationWithThePublishedNumbersAsContext() throws Exception {
        List<String> files = new ArrayList<>(List.of("report.html", "report.md", "results.json", "experiment.json"));
        PenaltyFigures.NAMES.forEach(n -> files.addAll(List.of(n + ".png", n + ".svg")));
        for (String f : files) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        JsonNode summaries = results.get("summaries");
        assertEquals(17, summaries.size());
        assertEquals("HARD", summaries.get(0).get("configuration").get("variant").asText());
        assertEquals("SMOOTHING", summaries.get(1).get("configuration").get("variant").asText());
        for (JsonNode s : summaries) {
            for (String field : List.of("accuracy", "ece", "nll", "meanConfidence", "meanEntropy")) {
                assertTrue(s.get("test").get(field).get("mean").isNumber(), field + " of " + s);
            }
            assertTrue(s.get("optimumConfidence").isNumber());
        }
        JsonNode hinge = summaries.get(16).get("configuration");
        assertEquals("HINGE", hinge.get("variant").asText());
        assertEquals(2.0, hinge.get("weight").asDouble());
        assertEquals(0.500288, hinge.get("hinge").asDouble(), 1e-6);
        assertEquals(0.91, summaries.get(16).get("optimumConfidence").asDouble(), 1e-9);
        assertEquals(0.500288, results.get("hingeThreshold").asDouble(), 1e-6);
        assertEquals(PublishedPenalty.ROWS.size(), results.get("published").size());
        assertEquals(0.9883, results.get("published").get(2).get("accuracy").asDouble());
        assertEquals(17, results.get("trials").size());
        assertFalse(results.get("trials").get(0).has("testLogits"), "logits stay in trials/");
        assertEquals(0, results.get("experiment").get("scale").get("heldOut").asInt());
        PenaltyFigures.NAMES.forEach(n -> assertTrue(results.get("figures").has(n), n));
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("for context only") && md.contains("| penalty b 2.0 hinge G 0.500 |")
                && md.contains("Pereyra et al. 2017") && !md.contains("difference (points, other networks)"), md);
        assertTrue(first.out().contains("[1/17] hard targets seed 1 epoch   1/1"), first.out());
        assertTrue(first.out().contains("Estimate on cpu from one measured epoch"), first.out());
    }

    @Test
    void aRerunReadsTheTrialsBackWithoutTraining() throws Exception {
        Run again = TINY.run(folder);
        assertEquals(0, again.code(), again.err());
        assertEquals(17, again.out().split("read back from", -1).length - 1, again.out());
        assertFalse(again.out().contains("epoch   1/1"), "nothing is trained again: " + again.out());
        assertTrue(again.out().contains("kept from the run"), again.out());
        try (Stream<Path> trials = Files.list(folder.resolve("trials"))) {
            assertEquals(17, trials.count());
        }
    }

    @Test
    void refusesAFolderOfOtherSettingsOrOfAnotherExperiment() throws Exception {
        Run other = TINY.run(folder, "--seeds", "2");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds the results of experiment 'penalty'")
                && other.err().contains("seeds 1 there, 2 here"), other.err());
        Path smoothing = Files.createDirectories(dir.resolve("smoothing"));
        Files.writeString(smoothing.resolve("experiment.json"),
                Files.readString(folder.resolve("experiment.json"))
                .replace("\"penalty\"", "\"smoothing\""));
        Run mixed = TINY.run(smoothing);
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("experiment 'smoothing'"), mixed.err());
    }

    @Test
    void eachConfigurationHandsItsObjectiveToTheEngine() {
        List<PenaltyConfiguration> c = PenaltyExperiment.configurations(10);
        assertEquals(17, c.size());
        Map<String, String> hard = c.get(0).recipe(ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, 3, "cpu", 1))
                .settings();
        assertEquals("hard_targets", hard.get("objective"));
        Map<String, String> annealed = c.stream().filter(x -> x.key().equals("annealed-0.5")).findFirst().orElseThrow()
                .recipe(ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, 3, "cpu", 1)).settings();
        assertEquals("confidence_penalty", annealed.get("objective"));
        assertEquals("linear", annealed.get("annealing"));
        assertEquals("none", annealed.get("hinge"));
        assertEquals("0.5", annealed.get("penalty"));
        PenaltyConfiguration hinge = c.get(16);
        assertEquals("hinge-2.0", hinge.key());
        Map<String, String> h = hinge.recipe(ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, 3, "cpu", 1)).settings();
        assertEquals("constant", h.get("annealing"));
        assertEquals(0.500288, Double.parseDouble(h.get("hinge")), 1e-6);
        assertNull(c.get(2).hinge());
        assertEquals("smoothing-0.1", c.get(1).key());
    }

    @Test
    void chromiumShowsTheReportWithEveryImage() throws Exception {
        HeadlessChromium.assertEveryImageLoads(folder.resolve("report.html"), PenaltyFigures.NAMES.size(),
                dir.resolve("chromium"));
    }
}
