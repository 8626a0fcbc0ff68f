package org.temper.onnx.program;

import org.junit.jupiter.api.Test;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.autodiff.GradientRegistry;
import org.temper.onnx.autodiff.UnsupportedOperatorException;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.SyntheticData;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpochProgramTest {


    private static Mlp net() {
        return Mlp.create(new long[] {4}, new int[] {16, 8}, 3, 0, Initializer.HE_NORMAL, null, 7);
    }

    private static long[] batches(int steps, int batch, int n, long seed) {
        Random r = new Random(seed);
        long[] b = new long[steps * batch];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(n);
        }
        return b;
    }

    @Test
    void loopEpochEqualsStepByStepRunsToTheBit() throws Exception {
        DenseDataset data = SyntheticData.blobs(90, 1);
        EpochProgram program = EpochProgram.build(net(), Differentiator.standard(),
                LabelSmoothing.uniform(0.1), new Sgd(0.9, 0.1, false, 1e-4), null, 10);
        int steps = 12;
        long[] batches = batches(steps, 10, data.size(), 3);
        float[] lrs = new float[steps];
        float[] weights = new float[steps];
        Arrays.fill(lrs, 0.05f);
        Arrays.fill(weights, 1f);
        List<TensorData> together;
        float[] lossesTogether;
        try (TrainingSession s = new TrainingSession(program, 10, data, null, ExecutionSettings.DEFAULT)) {
            lossesTogether = s.run(batches, lrs, weights).losses();
            together = s.parameters();
        }
        float[] lossesApart = new float[steps];
        List<TensorData> apart;
        try (TrainingSession s = new TrainingSession(program, 10, data, null, ExecutionSettings.DEFAULT)) {
            for (int i = 0; i < steps; i++) {
                lossesApart[i] = s.run(Arrays.copyOfRange(batches, i * 10, i * 10 + 10), new float[] {0.05f},
                        new float[] {1f}).losses()[0];
            }
            apart = s.parameters();
        }
        assertArrayEquals(lossesTogether, lossesApart);
        for (int i = 0; i < together.size(); i++) {
            assertArrayEquals(together.get(i).toFloats(), apart.get(i).toFloats(), "parameter " + i);
        }
    }

    @Test
    void trainingReducesLossAndSeparatesBlobs() throws Exception {
        DenseDataset data = SyntheticData.blobs(300, 2);
        EpochProgram program = EpochProgram.build(net(), Differentiator.standard(),
                LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9), null, 30);
        int steps = 100;
        float[] lrs = new float[steps];
        float[] weights = new float[steps];
        Arrays.fill(lrs, 0.05f);
        Arrays.fill(weights, 1f);
        try (TrainingSession s = new TrainingSession(program, 30, data, null, ExecutionSettings.DEFAULT)) {
            TrainingSession.StepResults r = s.run(batches(steps, 30, data.size(), 5), lrs, weights);
            assertTrue(r.losses()[steps - 1] < 0.3 * r.losses()[0], "loss " + r.losses()[0] + " -> " + r.losses()[steps - 1]);
            assertTrue(r.accuracies()[steps - 1] > 0.9, "accuracy " + r.accuracies()[steps - 1]);
        }
    }

    @Test
    void theBackwardPassUsesTheDifferentiatorItIsGiven() {
        Differentiator onlyGemm = new Differentiator(new GradientRegistry()
                .register("Gemm", GradientRegistry.standard().rule("Gemm")));
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class, () -> EpochProgram.build(
                net(), onlyGemm, LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9), null, 10));
        assertTrue(e.getMessage().contains("Operator Relu") && e.getMessage().contains("Supported operators: [Gemm]"),
                e.getMessage());
    }
}
