package org.temper.calibration.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.temper.calibration.Predictions;

class SmoothnessIndexTest {

    @Test
    void labelSmoothedTargetsGiveTheirStrength() {
        // K = 4, a = 0.2: target .85 on the label, .05 elsewhere. Off-label mass 3 * .05 = .15,
        // times K / (K - 1) = 4/3: gamma = .2
        double[] rows = {.85, .05, .05, .05, .05, .05, .85, .05};
        Predictions smoothed = Predictions.fromProbabilities(rows, new int[] {0, 2}, 4);
        assertEquals(0.2, SmoothnessIndex.of(smoothed, 1), 1e-12);
    }

    @Test
    void temperatureSoftensTheTeacher() {
        // logits [0, ln 3], label 1, K = 2.
        // T = 1: p = [1/4, 3/4], off-label 1/4, times 2: gamma = 1/2
        // T = 1/2: logits [0, 2 ln 3], p = [1/10, 9/10], off-label 1/10, times 2: gamma = 1/5
        // T = 2: logits [0, ln sqrt 3], p_0 = 1 / (1 + sqrt 3), gamma = 2 / (1 + sqrt 3)
        Predictions teacher = Predictions.fromLogits(new double[] {0, Math.log(3)}, new int[] {1}, 2);
        assertEquals(0.5, SmoothnessIndex.of(teacher, 1), 1e-12);
        assertEquals(0.2, SmoothnessIndex.of(teacher, 0.5), 1e-12);
        assertEquals(2 / (1 + Math.sqrt(3)), SmoothnessIndex.of(teacher, 2), 1e-12);
    }

    @Test
    void hardTeacherIsNearZeroAndUniformIsOne() {
        Predictions hard = Predictions.fromLogits(new double[] {20, 0, 0, 0, 20, 0}, new int[] {0, 1}, 3);
        assertEquals(0, SmoothnessIndex.of(hard, 1), 1e-8);
        assertEquals(1, SmoothnessIndex.of(hard, 1e6), 1e-4);
    }

    @Test
    void probabilitiesAtAnotherTemperatureAreRefused() {
        Predictions p = Predictions.fromProbabilities(new double[] {.25, .75}, new int[] {1}, 2);
        assertThrows(IllegalStateException.class, () -> SmoothnessIndex.of(p, 2));
    }
}
