package org.temper.onnx.program;

import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.model.InferenceGraphs;
import org.temper.onnx.model.ModelSignature;
import org.temper.onnx.model.ModelSession;
import org.junit.jupiter.api.Test;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.SyntheticData;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens and closes training sessions and predictors 1,000 times and checks that the native memory
 * of the process stops growing: every native ONNX Runtime object is released. Native memory is
 * the resident set minus the Java heap's committed size, so that the heap growing to hold garbage
 * does not count; a leaked session of this size would add tens of megabytes.
 */
class NativeMemoryTest {

    private static final int CYCLES = 1000;
    private static final int WARM_UP = 300;
    /** Allowed growth of resident memory over the measured cycles. */
    private static final long MAX_GROWTH_KB = 40 * 1024;

    @Test
    void thousandTrainPredictCyclesDoNotLeakNativeMemory() throws Exception {
        DenseDataset data = SyntheticData.blobs(64, 1);
        Mlp net = Mlp.create(new long[] {4}, new int[] {32}, 3, 0, Initializer.HE_NORMAL, null, 1);
        EpochProgram program = EpochProgram.build(net, Differentiator.standard(),
                LabelSmoothing.uniform(0.1), Adam.adam(), null, 16);
        byte[] inference = OnnxProto.toModel(InferenceGraphs.withParameterInputs(net), "temper", Map.of()).toByteArray();
        long[] batch = new long[16];
        long nativeAfterWarmUp = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            if (cycle == WARM_UP) {
                System.gc();
                nativeAfterWarmUp = nativeKb();
            }
            try (TrainingSession s = new TrainingSession(program, 16, data, null, ExecutionSettings.DEFAULT);
                 ModelSession p = new ModelSession(inference, ModelSignature.temper(new long[] {4}, 3),
                         ExecutionSettings.DEFAULT)) {
                s.run(batch, new float[] {0.01f}, new float[] {1f});
                Map<String, ai.onnxruntime.OnnxTensor> params = new java.util.HashMap<>();
                s.parameterTensors().forEach((k, v) -> params.put(ProgramNames.param(k), v));
                p.logits(data.features(), data.size(), params);
            }
        }
        System.gc();
        long growth = nativeKb() - nativeAfterWarmUp;
        System.out.printf("Native memory grew by %d KB over %d train/predict cycles%n", growth, CYCLES - WARM_UP);
        assertTrue(growth < MAX_GROWTH_KB, "native memory grew by " + growth + " KB");
    }

    private static long nativeKb() throws IOException {
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        return residentKb() - heap / 1024;
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/self/status");
    }
}
