package org.temper.onnx.objective;

import org.junit.jupiter.api.Test;

import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSmoothingTest {

    // K = 3. Example 0: z = (ln 2, 0, 0), p = (1/2, 1/4, 1/4), label 0.
    //        Example 1: z = (ln 3, 0, 0), p = (3/5, 1/5, 1/5), label 1.
    static final double[] LOGITS = {log(2), 0, 0, log(3), 0, 0};
    static final long[] LABELS = {0, 1};

    private static double loss(Objective o) throws Exception {
        return ObjectiveHarness.evaluate(o, 3, LOGITS, LABELS, null, 1).loss();
    }

    @Test
    void hardTargetsGiveTheMeanNegativeLogLikelihood() throws Exception {
        // -log p_y: ln 2 and ln 5
        assertEquals((log(2) + log(5)) / 2, loss(LabelSmoothing.hardTargets()), 1e-12);
    }

    @Test
    void uniformSmoothingSpreadsAlphaOverAllClasses() throws Exception {
        // alpha 0.3: q = 0.7 y + 0.1, so 0.8 on the label and 0.1 elsewhere.
        // ex 0: -(0.8 ln 1/2 + 0.1 ln 1/4 + 0.1 ln 1/4) = 0.8 ln 2 + 0.4 ln 2 = 1.2 ln 2
        // ex 1: -(0.1 ln 3/5 + 0.8 ln 1/5 + 0.1 ln 1/5) = ln 5 - 0.1 ln 3
        assertEquals((1.2 * log(2) + log(5) - 0.1 * log(3)) / 2, loss(LabelSmoothing.uniform(0.3)), 1e-12);
    }

    @Test
    void otherClassesSmoothingLeavesOneMinusAlphaOnTheLabel() throws Exception {
        // alpha 0.3: 0.7 on the label, 0.15 on each of the two others.
        // ex 0: 0.7 ln 2 + 0.15 ln 4 + 0.15 ln 4 = 1.3 ln 2
        // ex 1: 0.15 ln 5/3 + 0.7 ln 5 + 0.15 ln 5 = ln 5 - 0.15 ln 3
        assertEquals((1.3 * log(2) + log(5) - 0.15 * log(3)) / 2, loss(LabelSmoothing.otherClasses(0.3)), 1e-12);
    }

    @Test
    void priorSmoothingFollowsThePrior() throws Exception {
        // alpha 0.3, u = (0.5, 0.25, 0.25): q = 0.7 y + 0.3 u.
        // ex 0: q = (0.85, 0.075, 0.075): 0.85 ln 2 + 0.15 ln 4 = 1.15 ln 2
        // ex 1: q = (0.15, 0.775, 0.075): 0.15 ln 5/3 + 0.85 ln 5 = ln 5 - 0.15 ln 3
        LabelSmoothing o = LabelSmoothing.prior(0.3, new double[] {0.5, 0.25, 0.25});
        assertEquals((1.15 * log(2) + log(5) - 0.15 * log(3)) / 2, loss(o), 1e-12);
    }

    @Test
    void gradientIsPredictionMinusTargetOverBatchSize() throws Exception {
        // uniform alpha 0.3, ex 0: (p - q) / 2 = ((0.5 - 0.8), (0.25 - 0.1), (0.25 - 0.1)) / 2
        double[] g = ObjectiveHarness.evaluate(LabelSmoothing.uniform(0.3), 3, LOGITS, LABELS, null, 1).gradient();
        assertEquals(-0.15, g[0], 1e-12);
        assertEquals(0.075, g[1], 1e-12);
        assertEquals(0.075, g[2], 1e-12);
    }

    @Test
    void badSettingsAreErrorsNamingTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelSmoothing.uniform(1))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelSmoothing.otherClasses(-0.1))
                .getMessage().contains("alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LabelSmoothing.prior(0.1, new double[] {0.5, 0.6})).getMessage().contains("sum to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ObjectiveHarness.evaluate(LabelSmoothing.prior(0.1, new double[] {0.5, 0.5}), 3, LOGITS,
                        LABELS, null, 1)).getMessage().contains("prior has 2 entries for 3 classes"));
    }
}
