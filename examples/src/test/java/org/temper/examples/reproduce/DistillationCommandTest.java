package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.temper.examples.TrainCommandTest.Run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code temper reproduce distillation --quick} end to end on a tiny slice of Fashion-MNIST (600
 * training and 500 test images, one epoch; 4 teachers, 9 students), run once for the class: its
 * outputs, a rerun that reads every trial back, a lost student retrained from its stored teacher, the
 * refusal of other settings and bad options, and the HTML report in headless Chromium.
 */
class DistillationCommandTest extends TinyRunTest {

    private static final TinyRuns TINY = new TinyRuns("distillation", List.of("--train-examples", "600",
            "--test-examples", "500", "--epochs", "1"));
    private static final int TRIALS = 13;

    @Override
    TinyRuns tiny() {
        return TINY;
    }

    @Test
    void writesTheReportWithEveryTeacherAndStudent() throws Exception {
        for (String f : List.of("report.html", "report.md", "results.json", "experiment.json")) {
            assertTrue(Files.size(folder.resolve(f)) > 0, f);
        }
        for (String f : DistillationFigures.NAMES) {
            assertTrue(Files.size(folder.resolve(f + ".png")) > 0 && Files.size(folder.resolve(f + ".svg")) > 0, f);
        }
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        JsonNode teachers = results.get("teachers");
        assertEquals(DistillationGrid.QUICK.teachers().size(), teachers.size());
        for (JsonNode t : teachers) {
            assertTrue(t.get("accuracy").get("mean").isNumber() && t.get("gamma").get("mean").isNumber(), t.toString());
            assertEquals(DistillationGrid.QUICK.temperatures().size(), t.get("smoothness").size());
        }
        assertEquals(0.0, teachers.get(0).get("alpha").asDouble());
        assertEquals(0.5, teachers.get(3).get("dropout").asDouble());
        assertEquals(8, results.get("students").size());
        assertEquals(4, results.get("bestStudents").size());
        assertTrue(results.get("studentsWithoutTeacher").get("accuracy").get("mean").isNumber());
        assertTrue(results.get("rankCorrelation").isNumber());
        assertEquals(4, results.get("teacherTrials").size());
        assertEquals(9, results.get("studentTrials").size());
        assertFalse(results.get("teacherTrials").get(0).has("trainLogits"), "logits stay in trials/");
        assertEquals(0.67, results.get("published").get("errorPercent").get(0).get("paper").asDouble());
        assertTrue(results.get("figures").has(DistillationFigures.NAMES.get(0)));
        assertEquals("soft_cross_entropy", results.get("experiment").get("recipe").get("student.softTerm").asText());
        assertEquals("1200,1200", results.get("experiment").get("recipe").get("teacher.hidden").asText());
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("Does the better teacher distil worse?") && md.contains("as context only")
                && md.contains("| T = 4 |") && md.contains("gamma (T = 4)"), md);
        assertTrue(first.out().contains("[1/13] teacher hard targets (alpha 0) seed 1 epoch   1/1"), first.out());
        assertTrue(first.out().contains("Estimate on cpu from one measured epoch") && first.out().contains("approximate"),
                first.out());
    }

    @Test
    void aRerunReadsEveryTrialBackWithoutTraining() throws Exception {
        List<FileTime> before = TinyRuns.trialTimes(folder, TRIALS);
        Run again = TINY.run(folder);
        assertEquals(0, again.code(), again.err());
        assertEquals(TRIALS, again.out().split("read back from", -1).length - 1, again.out());
        assertFalse(again.out().contains("epoch   1/1"), "nothing is trained again: " + again.out());
        assertEquals(before, TinyRuns.trialTimes(folder, TRIALS));
    }

    @Test
    void aLostStudentIsRetrainedFromItsStoredTeacher() throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy.resolve("trials"));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.getParent().getFileName().toString().equals("trials") || f.endsWith("experiment.json")) {
                    Files.copy(f, copy.resolve(folder.relativize(f)));
                }
            }
        }
        Files.delete(copy.resolve("trials/student-of-alpha-0.3-T-4.0-seed-1.json"));
        Run resumed = TINY.run(copy);
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("student of alpha 0.30 at T 4 seed 1 epoch   1/1"), resumed.out());
        assertFalse(resumed.out().contains("teacher alpha 0.30 seed 1 epoch"), "the teacher is read back: "
                + resumed.out());
        assertEquals(TRIALS - 1, resumed.out().split("read back from", -1).length - 1, resumed.out());
    }

    @Test
    void refusesOtherSettingsAnotherExperimentAndOptionsThatDoNotApply() throws Exception {
        Run other = TINY.run(folder, "--soft-term", "mse_softened_probabilities");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds the results of experiment 'distillation'")
                && other.err().contains("mse_softened_probabilities"), other.err());
        Path smoothing = Files.createDirectories(dir.resolve("smoothing"));
        Files.writeString(smoothing.resolve("experiment.json"), Files.readString(folder.resolve("experiment.json"))
                .replace("\"distillation\"", "\"smoothing\""));
        Run mixed = TINY.run(smoothing);
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("experiment 'smoothing'"), mixed.err());
        Run heldOut = TINY.run(dir.resolve("held-out"), "--held-out", "100");
        assertEquals(2, heldOut.code());
        assertTrue(heldOut.err().contains("--held-out does not apply"), heldOut.err());
    }

    @Test
    void chromiumShowsTheReportWithEveryImage() throws Exception {
        HeadlessChromium.assertEveryImageLoads(folder.resolve("report.html"), DistillationFigures.NAMES.size(),
                dir.resolve("chromium"));
    }
}
