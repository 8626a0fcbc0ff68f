package org.temper.onnx.model;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.SyntheticData;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.runtime.DeviceMemoryException;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Parameter;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device running out of memory while a model predicts, simulated by ONNX Runtime's own error
 * text thrown at the session's run seam (the rest is the real ONNX Runtime on the CPU).
 */
class ModelSessionMemoryTest {

    /** What onnxruntime_gpu's arena reports when an inference allocation fails. */
    private static final String ARENA = "Non-zero status code returned while running Gemm node. Name:'Gemm_2'"
            + " Status Message: bfc_arena.cc:359 void* onnxruntime::BFCArena::AllocateRawInternal(size_t, bool,"
            + " onnxruntime::Stream*, bool, onnxruntime::WaitNotificationFn) Failed to allocate memory for requested"
            + " buffer of size 7864320";

    /** More examples than one ONNX Runtime call takes: a full batch, then the rest. */
    private static final int EXAMPLES = ModelSession.BATCH + 952;
    private static final DenseDataset DATA = SyntheticData.blobs(EXAMPLES, 2);

    private static final TrainedNetwork NET;

    static {
        Mlp net = Mlp.create(new long[] {4}, new int[] {16}, 3, 0, Initializer.HE_NORMAL, null, 5);
        List<TensorData> initial = net.parameters().stream().map(Parameter::initial).toList();
        NET = new TrainedNetwork(net, initial, List.of("a", "b", "c"), Map.of());
    }

    private static ModelSession session(ModelSession.Runner runner) {
        return new ModelSession(NET.toOnnx().toByteArray(), "blobs.onnx", NET.signature(), ExecutionSettings.DEFAULT,
                runner);
    }

    @Test
    void outOfMemoryNamesTheFailingBatchAndTheSessionPredictsOn() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ModelSession.Runner secondFails = (session, inputs, outputs) -> {
            if (runs.getAndIncrement() == 1) {
                throw new OrtException(OrtException.OrtErrorCode.ORT_RUNTIME_EXCEPTION, ARENA);
            }
            return session.run(inputs, outputs);
        };
        float[] expected;
        try (ModelSession plain = NET.session(ExecutionSettings.DEFAULT)) {
            expected = plain.logits(DATA.features(), EXAMPLES);
        }
        try (ModelSession s = session(secondFails)) {
            DeviceMemoryException e = assertThrows(DeviceMemoryException.class,
                    () -> s.logits(DATA.features(), EXAMPLES));
            assertEquals(952, e.batchSize(), "the batch that failed, after one of " + ModelSession.BATCH);
            assertEquals(OptionalLong.of(7864320L), e.requestedBytes());
            assertTrue(e.getMessage().startsWith("The CPU ran out of memory running blobs.onnx at batch size 952"
                    + " (ONNX Runtime asked for 7.5 MiB more). Free memory of other processes. ONNX Runtime said: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Failed to allocate memory"), e.getMessage());
            assertArrayEquals(expected, s.logits(DATA.features(), EXAMPLES), "the same session predicts on");
        }
    }

    @Test
    void otherFailuresStayOnnxRuntimeErrors() {
        ModelSession.Runner broken = (session, inputs, outputs) -> {
            throw new OrtException(OrtException.OrtErrorCode.ORT_INVALID_ARGUMENT, "Invalid rank for input");
        };
        try (ModelSession s = session(broken)) {
            OrtException e = assertThrows(OrtException.class, () -> s.probabilities(DATA.features(), 10));
            assertTrue(e.getMessage().contains("ONNX Runtime failed to run blobs.onnx: ")
                    && e.getMessage().contains("Invalid rank for input"), e.getMessage());
        }
    }
}
