package org.temper.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.fit.TestAccuracy;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.program.EpochProgram;
import org.temper.onnx.program.TrainingSession;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceTest {

    @Test
    void parsesDevicesAndRejectsUnknownOnes() {
        assertEquals(Device.CPU, Device.parse(" CPU "));
        assertEquals(new Device(Device.Kind.CUDA, 0), Device.parse("cuda"));
        assertEquals(new Device(Device.Kind.CUDA, 2), Device.parse("cuda:2"));
        for (String bad : new String[] {"tpu", "cuda:-1", "cuda:x", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse(bad));
            assertTrue(e.getMessage().contains("use cpu, cuda or cuda:N"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new ExecutionSettings(Device.CPU, -1));
    }

    @Test
    void cudaWithoutItsProviderIsAClearErrorNotAFallBack() {
        Assumptions.assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this ONNX Runtime build has CUDA");
        GraphBuilder b = new GraphBuilder();
        b.output(b.relu(b.input("x", DType.FLOAT, Shape.of(2))), "y");
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class,
                () -> new GraphSession(b.build("g"), new ExecutionSettings(Device.parse("cuda"), 0)));
        assertTrue(e.getMessage().contains("onnxruntime_gpu") && e.getMessage().contains("choose the device cpu"), e.getMessage());
    }

    /** Runs where a CUDA GPU and onnxruntime_gpu are present: mvn -Pgpu test -Dgroups=cuda -DexcludedTestGroups=none. */
    @Test
    @Tag("cuda")
    void trainingStepsOnCudaMatchTheCpu() throws Exception {
        Random r = new Random(1);
        float[] x = new float[64 * 4];
        long[] y = new long[64];
        for (int i = 0; i < 64; i++) {
            y[i] = i % 3;
            for (int d = 0; d < 4; d++) {
                x[i * 4 + d] = (float) (r.nextGaussian() + (d == y[i] ? 2 : 0));
            }
        }
        DenseDataset data = DenseDataset.of(x, y, new long[] {4}, 3);
        Mlp net = Mlp.create(new long[] {4}, new int[] {32}, 3, 0, Initializer.HE_NORMAL, null, 1);
        EpochProgram program = EpochProgram.build(net, Differentiator.standard(),
                LabelSmoothing.uniform(0.1), Sgd.withMomentum(0.9), null, 16);
        long[] batches = new long[4 * 16];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = i % 64;
        }
        float[] lr = {0.05f, 0.05f, 0.05f, 0.05f};
        List<TensorData> cpu;
        List<TensorData> cuda;
        try (TrainingSession s = new TrainingSession(program, 16, data, null, ExecutionSettings.DEFAULT)) {
            s.run(batches, lr, new float[] {1, 1, 1, 1});
            cpu = s.parameters();
        }
        try (TrainingSession s = new TrainingSession(program, 16, data, null,
                new ExecutionSettings(Device.parse("cuda"), 0))) {
            s.run(batches, lr, new float[] {1, 1, 1, 1});
            cuda = s.parameters();
        }
        for (int i = 0; i < cpu.size(); i++) {
            float[] a = cpu.get(i).toFloats();
            float[] c = cuda.get(i).toFloats();
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j], c[j], 1e-4, "parameter " + i + " element " + j);
            }
        }
        assertArrayEquals(new long[] {32, 4}, cuda.get(0).shape());
    }

    /**
     * Runs with the cuda group; the Fashion-MNIST folder is -Dtemper.fashion-mnist=DIR (bench/gpu-check.sh) or
     * Debian's package.
     */
    @Test
    @Tag("cuda")
    void fashionMnistTrainingOnCudaReachesTheCpuAccuracy() throws Exception {
        IdxDirectory d = IdxDirectory.named(System.getProperty("temper.fashion-mnist", "fashion-mnist"));
        DenseDataset train = d.train().head(20_000);
        DenseDataset test = d.test();
        double cpu = TestAccuracy.ofMlp(train, test, new int[] {1200, 1200}, 2, 0.02, ExecutionSettings.DEFAULT);
        double cuda = TestAccuracy.ofMlp(train, test, new int[] {1200, 1200}, 2, 0.02,
                new ExecutionSettings(Device.parse("cuda"), 0));
        System.out.printf("Fashion-MNIST test accuracy after 2 epochs: CPU %.4f, CUDA %.4f%n", cpu, cuda);
        assertTrue(cuda > 0.8 && Math.abs(cuda - cpu) < 0.01, "CPU " + cpu + ", CUDA " + cuda);
    }
}
