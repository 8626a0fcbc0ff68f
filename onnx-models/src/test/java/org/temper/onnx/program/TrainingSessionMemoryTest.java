package org.temper.onnx.program;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.SyntheticData;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.DeviceMemoryException;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device running out of memory during a training run, simulated by ONNX Runtime's own error
 * text thrown at the session's run seam (the rest is the real ONNX Runtime on the CPU).
 */
class TrainingSessionMemoryTest {

    /** What onnxruntime_gpu's arena reports when a Loop body's allocation fails. */
    private static final String ARENA = "Non-zero status code returned while running Loop node. Name:'Loop_0'"
            + " Status Message: Non-zero status code returned while running Gemm node. Name:'Gemm_3' Status Message:"
            + " bfc_arena.cc:359 void* onnxruntime::BFCArena::AllocateRawInternal(size_t, bool, onnxruntime::Stream*,"
            + " bool, onnxruntime::WaitNotificationFn) Failed to allocate memory for requested buffer of size 25165824";

    private static final DenseDataset DATA = SyntheticData.blobs(96, 1);
    private static final Mlp NET = Mlp.create(new long[] {4}, new int[] {16}, 3, 0, Initializer.HE_NORMAL, null, 7);

    private static EpochProgram program(int batch) {
        return EpochProgram.build(NET, Differentiator.standard(), LabelSmoothing.uniform(0.1), Sgd.withMomentum(0.9),
                null, batch);
    }

    private static TrainingSession.StepResults train(TrainingSession s, int steps, int batch) throws OrtException {
        long[] batches = new long[steps * batch];
        Arrays.setAll(batches, i -> i % DATA.size());
        float[] rates = new float[steps];
        float[] weights = new float[steps];
        Arrays.fill(rates, 0.05f);
        Arrays.fill(weights, 1f);
        return s.run(batches, rates, weights);
    }

    /**
     * Asserts that a failed run left the session as it was.
     * @param s the session
     * @param before its parameters before the run
     */
    static void assertUntouched(TrainingSession s, List<TensorData> before) {
        assertEquals(0, s.updates());
        List<TensorData> after = s.parameters();
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i).toFloats(), after.get(i).toFloats(), "parameter " + i);
        }
    }

    @Test
    void outOfMemoryNamesTheBatchKeepsTheStateAndTrainingGoesOnWithASmallerBatch() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        TrainingSession.Runner oneFailure = (session, inputs) -> {
            if (runs.getAndIncrement() == 0) {
                throw new OrtException(OrtException.OrtErrorCode.ORT_RUNTIME_EXCEPTION, ARENA);
            }
            return session.run(inputs);
        };
        try (TrainingSession s = new TrainingSession(program(32), 32, DATA, null, ExecutionSettings.DEFAULT,
                oneFailure)) {
            List<TensorData> before = s.parameters();
            DeviceMemoryException e = assertThrows(DeviceMemoryException.class, () -> train(s, 3, 32));
            assertEquals(32, e.batchSize());
            assertEquals(OptionalLong.of(25165824L), e.requestedBytes());
            assertTrue(e.getMessage().startsWith("The CPU ran out of memory training at batch size 32 (ONNX Runtime asked"
                    + " for 24.0 MiB more). Train with a smaller batch (for example --batch 16)."), e.getMessage());
            TrainingSessionMemoryTest.assertUntouched(s, before);
            train(s, 3, 32);
            assertEquals(3, s.updates(), "the same session trains on once memory is there");
        }
        try (TrainingSession smaller = new TrainingSession(program(16), 16, DATA, null, ExecutionSettings.DEFAULT)) {
            float[] losses = train(smaller, 6, 16).losses();
            assertTrue(losses[5] < losses[0] && Float.isFinite(losses[5]), Arrays.toString(losses));
        }
    }

    @Test
    void otherFailuresStayOnnxRuntimeErrors() throws Exception {
        TrainingSession.Runner broken = (session, inputs) -> {
            throw new OrtException(OrtException.OrtErrorCode.ORT_INVALID_ARGUMENT, "Invalid rank for input");
        };
        try (TrainingSession s = new TrainingSession(program(32), 32, DATA, null, ExecutionSettings.DEFAULT, broken)) {
            OrtException e = assertThrows(OrtException.class, () -> train(s, 1, 32));
            assertTrue(e.getMessage().contains("Invalid rank for input"), e.getMessage());
        }
    }

    @Test
    void hostBytesPerRunCountEveryInputAndOutputTensor() throws Exception {
        try (TrainingSession s = new TrainingSession(program(32), 32, DATA, null, ExecutionSettings.DEFAULT)) {
            long parameters = 16 * 4 + 16 + 3 * 16 + 3;
            long data = DATA.size() * 4L * Float.BYTES + DATA.size() * (long) Long.BYTES;
            long state = 2 * parameters * Float.BYTES;
            long perStep = 32L * Long.BYTES + 4L * Float.BYTES;
            long perRun = Long.BYTES + 2L * Float.BYTES;
            assertEquals(data + 2 * state + 5 * perStep + perRun, s.hostBytesPerRun(5));
        }
    }
}
