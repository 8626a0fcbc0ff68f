package org.temper.onnx.objective;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every objective's analytic logit gradient against central differences of its loss, in float64. */
class ObjectiveGradientTest {

    static final int K = 4;
    // Example 0 is peaked (entropy about 0.55), example 1 nearly flat (about 1.37), example 2 in
    // between (about 1.05); the hinge threshold 1.2 is thus active for examples 0 and 2 only.
    static final double[] LOGITS = {3.0, -1.0, 0.5, 0.2, 0.1, -0.2, 0.3, 0.0, 1.0, 2.0, -0.5, 0.4};
    static final double[] TEACHER = {2.5, -0.5, 1.5, -2.0, -1.0, 0.7, 0.2, 1.9, 0.3, 3.1, -1.2, 0.0};
    static final long[] LABELS = {0, 3, 1};
    static final double HINGE = 1.2;
    static final double[] CLASS_WEIGHTS = {2.0, 0.5, 1.5, 0.25};

    static Stream<Arguments> objectives() {
        return Stream.of(
                LabelSmoothing.hardTargets(),
                LabelSmoothing.uniform(0.1),
                LabelSmoothing.otherClasses(0.2),
                LabelSmoothing.prior(0.3, new double[] {0.1, 0.2, 0.3, 0.4}),
                ConfidencePenalty.of(0.7),
                ConfidencePenalty.annealed(0.7, Annealing.linear()),
                ConfidencePenalty.annealed(0.7, Annealing.exponential(3)),
                ConfidencePenalty.of(0.7).withHinge(HINGE),
                Distillation.softCrossEntropy(2.5, 0.6),
                Distillation.softCrossEntropy(1, 1),
                Distillation.mseOnLogits(0.6),
                Distillation.mseOnSoftenedProbabilities(3, 0.6),
                ClassWeighted.of(LabelSmoothing.uniform(0.1), CLASS_WEIGHTS),
                ClassWeighted.of(ConfidencePenalty.of(0.5).withHinge(HINGE), CLASS_WEIGHTS,
                        ClassWeighted.Normalisation.BATCH_SIZE),
                ClassWeighted.of(Distillation.softCrossEntropy(2, 0.6), CLASS_WEIGHTS))
                .map(o -> Arguments.of(o.describe(), o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void logitGradientMatchesCentralDifferences(String name, Objective objective) throws Exception {
        try (ObjectiveHarness h = new ObjectiveHarness(objective, K)) {
            h.assertGradientMatchesFiniteDifferences(LOGITS, LABELS, objective.needsTeacher() ? TEACHER : null,
                    objective.stepWeight(3, 10));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void runsInFloat32LikeInFloat64(String name, Objective objective) throws Exception {
        double[] teacher = objective.needsTeacher() ? TEACHER : null;
        double w = objective.stepWeight(3, 10);
        ObjectiveHarness.Result exact = ObjectiveHarness.evaluate(objective, K, LOGITS, LABELS, teacher, w);
        try (ObjectiveHarness h = new ObjectiveHarness(objective, K, DType.FLOAT)) {
            ObjectiveHarness.Result single = h.run(LOGITS, LABELS, teacher, w);
            assertEquals(exact.loss(), single.loss(), 1e-5 * Math.max(1, Math.abs(exact.loss())));
            assertArrayEquals(exact.gradient(), single.gradient(), 1e-5);
        }
    }

    @Test
    void hingeThresholdSeparatesTheTestExamples() {
        for (int i = 0; i < LABELS.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < K; j++) {
                max = Math.max(max, LOGITS[i * K + j]);
            }
            double sum = 0;
            for (int j = 0; j < K; j++) {
                sum += Math.exp(LOGITS[i * K + j] - max);
            }
            double entropy = 0;
            for (int j = 0; j < K; j++) {
                double p = Math.exp(LOGITS[i * K + j] - max) / sum;
                entropy -= p * Math.log(p);
            }
            boolean active = entropy < HINGE;
            assertTrue(Math.abs(entropy - HINGE) > 0.1, "example " + i + " too close to the hinge");
            assertTrue(active == (i != 1), "example " + i + " entropy " + entropy);
        }
    }

    @Test
    void theCheckCatchesAGradientOffByOnePercent() throws Exception {
        ExampleObjective skewed = new ExampleObjective() {
            @Override
            public ExampleLosses perExample(GraphBuilder b, ObjectiveInputs in) {
                ExampleLosses right = LabelSmoothing.hardTargets().perExample(b, in);
                Value wrong = b.mul(right.logitGradients(), b.scalar(1.01, in.logits().dtype()));
                return new ExampleLosses(right.losses(), wrong);
            }

            @Override
            public String describe() {
                return "skewed";
            }
        };
        try (ObjectiveHarness h = new ObjectiveHarness(skewed, K)) {
            assertThrows(AssertionError.class,
                    () -> h.assertGradientMatchesFiniteDifferences(LOGITS, LABELS, null, 1));
        }
    }
}
