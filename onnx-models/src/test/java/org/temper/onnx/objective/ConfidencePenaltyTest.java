package org.temper.onnx.objective;

import org.junit.jupiter.api.Test;

import static java.lang.Math.exp;
import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidencePenaltyTest {

    // K = 3, the examples of LabelSmoothingTest:
    // ex 0: p = (1/2, 1/4, 1/4), label 0: CE = ln 2, H = 1/2 ln 2 + 1/2 ln 4 = 1.5 ln 2 (about 1.040)
    // ex 1: p = (3/5, 1/5, 1/5), label 1: CE = ln 5, H = 3/5 ln 5/3 + 2/5 ln 5 = ln 5 - 0.6 ln 3 (about 0.950)
    private static final double H0 = 1.5 * log(2);
    private static final double H1 = log(5) - 0.6 * log(3);

    private static double loss(Objective o, double stepWeight) throws Exception {
        return ObjectiveHarness.evaluate(o, 3, LabelSmoothingTest.LOGITS, LabelSmoothingTest.LABELS, null, stepWeight)
                .loss();
    }

    @Test
    void lossIsCrossEntropyMinusWeightedEntropy() throws Exception {
        // beta 0.5: mean(ln 2 - 0.75 ln 2, ln 5 - 0.5 (ln 5 - 0.6 ln 3)) = mean(0.25 ln 2, 0.5 ln 5 + 0.3 ln 3)
        ConfidencePenalty o = ConfidencePenalty.of(0.5);
        assertEquals((0.25 * log(2) + 0.5 * log(5) + 0.3 * log(3)) / 2, loss(o, o.stepWeight(0, 10)), 1e-12);
        assertEquals((log(2) - 0.5 * H0 + log(5) - 0.5 * H1) / 2, loss(o, 0.5), 1e-12);
    }

    @Test
    void theWeightIsReadFromTheStepWeightInput() throws Exception {
        // weight 0 at the first step of a linear annealing: plain cross-entropy (ln 2 + ln 5) / 2
        assertEquals((log(2) + log(5)) / 2, loss(ConfidencePenalty.annealed(0.5, Annealing.linear()), 0), 1e-12);
        // weight 2: mean(ln 2 - 3 ln 2, ln 5 - 2 (ln 5 - 0.6 ln 3))
        assertEquals((-2 * log(2) - log(5) + 1.2 * log(3)) / 2, loss(ConfidencePenalty.of(0.5), 2), 1e-12);
    }

    @Test
    void hingePenalisesOnlyEntropyBelowTheThreshold() throws Exception {
        // G = 1: ex 0 has H = 1.040 >= 1, no penalty; ex 1 has H = 0.950, penalty 0.5 (1 - H1).
        ConfidencePenalty o = ConfidencePenalty.of(0.5).withHinge(1.0);
        assertEquals((log(2) + log(5) + 0.5 * (1 - log(5) + 0.6 * log(3))) / 2, loss(o, 0.5), 1e-12);
        // the inactive example's gradient is that of plain cross-entropy: (p - y) / B = (-1/4, 1/8, 1/8)
        double[] g = ObjectiveHarness.evaluate(o, 3, LabelSmoothingTest.LOGITS, LabelSmoothingTest.LABELS, null, 0.5)
                .gradient();
        assertEquals(-0.25, g[0], 1e-12);
        assertEquals(0.125, g[1], 1e-12);
        assertEquals(0.125, g[2], 1e-12);
    }

    @Test
    void constantAnnealingGivesBetaThroughout() {
        ConfidencePenalty o = ConfidencePenalty.of(0.8);
        assertEquals(0.8, o.stepWeight(0, 100), 0);
        assertEquals(0.8, o.stepWeight(99, 100), 0);
    }

    @Test
    void linearAnnealingRisesFromZeroAtTheFirstStepToBetaAtTheLast() {
        ConfidencePenalty o = ConfidencePenalty.annealed(0.8, Annealing.linear());
        assertEquals(0, o.stepWeight(0, 11), 0);
        assertEquals(0.4, o.stepWeight(5, 11), 1e-15);
        assertEquals(0.8, o.stepWeight(10, 11), 1e-15);
        assertEquals(0.8, o.stepWeight(20, 11), 1e-15);
        assertEquals(0.8, o.stepWeight(0, 1), 1e-15);
    }

    @Test
    void exponentialAnnealingRisesEarlyAndEndsAtBeta() {
        ConfidencePenalty o = ConfidencePenalty.annealed(0.8, Annealing.exponential(2));
        assertEquals(0, o.stepWeight(0, 11), 0);
        // progress 1/2: 0.8 (1 - e^-1) / (1 - e^-2)
        assertEquals(0.8 * (1 - exp(-1)) / (1 - exp(-2)), o.stepWeight(5, 11), 1e-15);
        assertTrue(o.stepWeight(5, 11) > 0.4);
        assertEquals(0.8, o.stepWeight(10, 11), 1e-15);
    }

    @Test
    void badSettingsAreErrorsNamingTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfidencePenalty.of(-0.1))
                .getMessage().contains("beta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfidencePenalty.of(0.1).withHinge(-1))
                .getMessage().contains("threshold"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Annealing.exponential(0))
                .getMessage().contains("rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Annealing.linear().factor(-1, 10))
                .getMessage().contains("step"));
    }
}
