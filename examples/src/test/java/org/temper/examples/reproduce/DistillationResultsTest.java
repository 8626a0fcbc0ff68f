package org.temper.examples.reproduce;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The distillation's summaries on made-up trials: best temperatures, the rank correlation, and the
 * estimate's arithmetic over network sizes (parameter counts worked by hand).
 */
class DistillationResultsTest {

    private static Measurement accuracy(double a) {
        return new Measurement(a, 0.01, 0.3, a, 0.5);
    }

    private static TeacherTrial teacher(String key, double alpha, double dropout, double accuracy, double gamma) {
        return new TeacherTrial(key, alpha, dropout, 1, 1, accuracy(accuracy), List.of(new Smoothness(1, gamma),
                new Smoothness(4, gamma + 0.5)), List.of(), null);
    }

    private static StudentTrial student(String teacher, Double t, double accuracy) {
        return new StudentTrial(teacher, t, 1, 1, accuracy(accuracy), List.of());
    }

    @Test
    void picksEachTeachersBestTemperatureAndRanksTeachersAgainstTheirStudents() {
        DistillationGrid grid = new DistillationGrid(List.of(new TeacherSpec(0, 0), new TeacherSpec(0.3, 0),
                new TeacherSpec(0, 0.5)), List.of(1.0, 4.0));
        List<DistillationTrial> trials = new ArrayList<>(List.of(teacher("alpha-0.0", 0, 0, 0.90, 0.02),
                teacher("alpha-0.3", 0.3, 0, 0.85, 0.30), teacher("dropout-0.5", 0, 0.5, 0.80, 0.05),
                student(StudentTrial.ALONE, null, 0.70),
                student("alpha-0.0", 1.0, 0.72), student("alpha-0.0", 4.0, 0.75),
                student("alpha-0.3", 1.0, 0.78), student("alpha-0.3", 4.0, 0.74),
                student("dropout-0.5", 1.0, 0.76), student("dropout-0.5", 4.0, 0.80)));
        DistillationResults r = DistillationResults.of(grid, trials);
        assertEquals(4.0, r.bestOf("alpha-0.0").temperature());
        assertEquals(1.0, r.bestOf("alpha-0.3").temperature());
        assertEquals(0.80, r.bestOf("dropout-0.5").accuracy().mean(), 1e-12);
        assertEquals(0.70, r.alone().accuracy().mean(), 1e-12);
        assertEquals(0.30, r.teachers().get(1).gamma().mean(), 1e-12);
        assertEquals(0.80, r.teachers().get(1).smoothness().get(1).gamma(), 1e-12);
        // teachers 0.90, 0.85, 0.80 rank 3, 2, 1; their best students 0.75, 0.78, 0.80 rank 1, 2, 3: rho = -1
        assertEquals(-1, r.rankCorrelation(), 1e-12);
    }

    @Test
    void countsParametersAndScalesTheEstimateByThem() {
        // 785 * 1200 + 1201 * 1200 + 1201 * 10 = 942,000 + 1,441,200 + 12,010
        assertEquals(2_395_210, ReplicationRecipe.parameters(784, ReplicationRecipe.HIDDEN, 10));
        // 785 * 800 + 801 * 800 + 801 * 10 = 628,000 + 640,800 + 8,010
        assertEquals(1_276_810, ReplicationRecipe.parameters(784, ReplicationRecipe.STUDENT_HIDDEN, 10));
        // a 3 s epoch of a cost-2 trial; remaining: costs 2 + 1 + 1, 10 epochs: 1.5 s per unit * 4 * 10 = 60 s
        assertEquals(1.0, TrialLoop.minutes(3, 2, 4, 10), 1e-12);
    }
}
