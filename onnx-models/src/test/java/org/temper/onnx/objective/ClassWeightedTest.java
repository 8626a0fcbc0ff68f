package org.temper.onnx.objective;

import org.junit.jupiter.api.Test;

import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassWeightedTest {

    // The examples of LabelSmoothingTest: hard cross-entropy ln 2 (label 0) and ln 5 (label 1).
    // Class weights (2, 0.5, 1): the examples weigh 2 and 0.5.
    private static final double[] WEIGHTS = {2, 0.5, 1};

    private static ObjectiveHarness.Result run(Objective o) throws Exception {
        return ObjectiveHarness.evaluate(o, 3, LabelSmoothingTest.LOGITS, LabelSmoothingTest.LABELS, null, 1);
    }

    @Test
    void weightSumNormalisationDividesByTheBatchsWeights() throws Exception {
        // (2 ln 2 + 0.5 ln 5) / 2.5
        ObjectiveHarness.Result r = run(ClassWeighted.of(LabelSmoothing.hardTargets(), WEIGHTS));
        assertEquals((2 * log(2) + 0.5 * log(5)) / 2.5, r.loss(), 1e-12);
        // ex 0: 2 (p - y) / 2.5 = 0.8 (-1/2, 1/4, 1/4)
        assertArrayEquals(new double[] {-0.4, 0.2, 0.2}, java.util.Arrays.copyOf(r.gradient(), 3), 1e-12);
    }

    @Test
    void batchSizeNormalisationDividesByB() throws Exception {
        // (2 ln 2 + 0.5 ln 5) / 2
        ObjectiveHarness.Result r = run(ClassWeighted.of(LabelSmoothing.hardTargets(), WEIGHTS,
                ClassWeighted.Normalisation.BATCH_SIZE));
        assertEquals((2 * log(2) + 0.5 * log(5)) / 2, r.loss(), 1e-12);
    }

    @Test
    void uniformWeightsUnderWeightSumChangeNothing() throws Exception {
        ExampleObjective plain = LabelSmoothing.uniform(0.3);
        ObjectiveHarness.Result weighted = run(ClassWeighted.of(plain, new double[] {3, 3, 3}));
        ObjectiveHarness.Result unweighted = run(plain);
        assertEquals(unweighted.loss(), weighted.loss(), 1e-12);
        assertArrayEquals(unweighted.gradient(), weighted.gradient(), 1e-12);
    }

    @Test
    void aBatchOfZeroWeightLabelsContributesNothing() throws Exception {
        ObjectiveHarness.Result r = run(ClassWeighted.of(LabelSmoothing.hardTargets(), new double[] {0, 0, 1}));
        assertEquals(0, r.loss(), 0);
        assertArrayEquals(new double[6], r.gradient(), 0);
    }

    @Test
    void delegatesTeacherAndStepWeight() {
        Objective o = ClassWeighted.of(ConfidencePenalty.annealed(0.8, Annealing.linear()), WEIGHTS);
        assertEquals(0.4, o.stepWeight(5, 11), 1e-15);
        assertTrue(ClassWeighted.of(Distillation.mseOnLogits(0.6), WEIGHTS).needsTeacher());
    }

    @Test
    void badWeightsAreErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ClassWeighted.of(LabelSmoothing.hardTargets(), new double[] {1, -1, 1}))
                .getMessage().contains("Class weight 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> run(ClassWeighted.of(LabelSmoothing.hardTargets(), new double[] {1, 1})))
                .getMessage().contains("2 class weights for 3 classes"));
    }
}
