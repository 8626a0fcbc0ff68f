package org.temper.onnx.objective;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;

import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistillationTest {

    // K = 3, T = 2.
    // ex 0: z = (2 ln 2, 0, 0): p = (2/3, 1/6, 1/6), q^T = softmax(z/2) = (1/2, 1/4, 1/4), label 0;
    //       t = (2 ln 3, 0, 0): p^T = softmax(t/2) = (3/5, 1/5, 1/5).
    // ex 1: z = (0, 0, 2 ln 3): p = (1/11, 1/11, 9/11), q^T = (1/5, 1/5, 3/5), label 1;
    //       t = (0, 2 ln 2, 0): p^T = (1/4, 1/2, 1/4).
    // Hard cross-entropy: ex 0 ln 3/2, ex 1 ln 11.
    private static final double[] Z = {2 * log(2), 0, 0, 0, 0, 2 * log(3)};
    private static final double[] TEACHER = {2 * log(3), 0, 0, 0, 2 * log(2), 0};
    private static final long[] LABELS = {0, 1};

    private static double loss(Objective o) throws Exception {
        return ObjectiveHarness.evaluate(o, 3, Z, LABELS, TEACHER, 1).loss();
    }

    @Test
    void softCrossEntropyCarriesTSquared() throws Exception {
        // soft CE ex 0: -(3/5 ln 1/2 + 1/5 ln 1/4 + 1/5 ln 1/4) = 3/5 ln 2 + 4/5 ln 2 = 7/5 ln 2, times T^2 = 28/5 ln 2
        // soft CE ex 1: -(1/4 ln 1/5 + 1/2 ln 1/5 + 1/4 ln 3/5) = ln 5 - 1/4 ln 3, times 4 = 4 ln 5 - ln 3
        double hard = (log(1.5) + log(11)) / 2;
        double soft = (28.0 / 5 * log(2) + 4 * log(5) - log(3)) / 2;
        assertEquals(0.4 * hard + 0.6 * soft, loss(Distillation.softCrossEntropy(2, 0.6)), 1e-12);
        assertEquals(hard, loss(Distillation.softCrossEntropy(2, 0)), 1e-12);
    }

    @Test
    void softCrossEntropyExceedsKlByTheScaledTeacherEntropy() throws Exception {
        // KL(p^T || q^T) = CE(p^T, q^T) - H(p^T), so with b = 1 the loss is T^2 (mean KL + mean H(p^T)).
        // H(p^T) ex 0: 3/5 ln 5/3 + 2/5 ln 5 = ln 5 - 3/5 ln 3; ex 1: 1/2 ln 2 + 1/2 ln 4 = 3/2 ln 2
        double[] pt = {0.6, 0.2, 0.2, 0.25, 0.5, 0.25};
        double[] qt = {0.5, 0.25, 0.25, 0.2, 0.2, 0.6};
        double kl = 0;
        for (int i = 0; i < 6; i++) {
            kl += pt[i] * log(pt[i] / qt[i]) / 2;
        }
        double teacherEntropy = (log(5) - 0.6 * log(3) + 1.5 * log(2)) / 2;
        assertEquals(4 * (kl + teacherEntropy), loss(Distillation.softCrossEntropy(2, 1)), 1e-12);
    }

    @Test
    void mseOnLogitsIsHalfTheMeanSquaredError() throws Exception {
        // ex 0: z - t = (2 ln 2/3, 0, 0): (1 / 2K) sum = 4 ln^2(2/3) / 6
        // ex 1: z - t = (0, -2 ln 2, 2 ln 3): (4 ln^2 2 + 4 ln^2 3) / 6
        double soft = (4 * log(2.0 / 3) * log(2.0 / 3) + 4 * log(2) * log(2) + 4 * log(3) * log(3)) / 6 / 2;
        double hard = (log(1.5) + log(11)) / 2;
        assertEquals(0.4 * hard + 0.6 * soft, loss(Distillation.mseOnLogits(0.6)), 1e-12);
    }

    @Test
    void mseOnSoftenedProbabilitiesRegressesOntoTheTeachersSoftTargets() throws Exception {
        // ex 0: z - p^T = (2 ln 2 - 0.6, -0.2, -0.2): ((2 ln 2 - 0.6)^2 + 0.08) / 6
        // ex 1: z - p^T = (-0.25, -0.5, 2 ln 3 - 0.25): (0.0625 + 0.25 + (2 ln 3 - 0.25)^2) / 6
        double a = 2 * log(2) - 0.6;
        double c = 2 * log(3) - 0.25;
        double soft = ((a * a + 0.08) + (0.3125 + c * c)) / 6 / 2;
        double hard = (log(1.5) + log(11)) / 2;
        assertEquals(0.4 * hard + 0.6 * soft, loss(Distillation.mseOnSoftenedProbabilities(2, 0.6)), 1e-12);
    }

    @Test
    void softTermGradientIsTTimesStudentMinusTeacherSoftTargets() throws Exception {
        // b = 1, T = 2, ex 0: T (q^T - p^T) / B = 2 (1/2 - 3/5, 1/4 - 1/5, 1/4 - 1/5) / 2
        double[] g = ObjectiveHarness.evaluate(Distillation.softCrossEntropy(2, 1), 3, Z, LABELS, TEACHER, 1)
                .gradient();
        assertEquals(-0.1, g[0], 1e-12);
        assertEquals(0.05, g[1], 1e-12);
        assertEquals(0.05, g[2], 1e-12);
    }

    @Test
    void readsTeacherLogits() {
        assertTrue(Distillation.mseOnLogits(0.6).needsTeacher());
        assertFalse(LabelSmoothing.hardTargets().needsTeacher());
        GraphBuilder b = new GraphBuilder();
        ObjectiveInputs noTeacher = new ObjectiveInputs(b.input("z", DType.DOUBLE, Shape.batchOf(3)),
                b.input("y", DType.INT64, Shape.batchOf()), null, b.scalar(1, DType.DOUBLE), 3);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Distillation.softCrossEntropy(2, 0.5).build(b, noTeacher)).getMessage().contains("teacher"));
    }

    @Test
    void badSettingsAreErrorsNamingTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Distillation.softCrossEntropy(0, 0.5))
                .getMessage().contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Distillation.softCrossEntropy(-1, 0.5))
                .getMessage().contains("temperature"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Distillation.mseOnLogits(1.5))
                .getMessage().contains("weight b"));
    }
}
