package org.temper.onnx.program;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.SyntheticData;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.CudaSettings;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.DeviceMemoryException;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.LeNet5;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.MuellerAlexNet;
import org.temper.onnx.zoo.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One epoch of the training program (one run of its Loop) on CUDA: the CPU's losses and weights, every
 * node of the Loop body on the CUDA execution provider with no copy inside the body (read from ONNX
 * Runtime's profile), and the real CUDA out-of-memory error of too small an arena. The cuda group:
 * bench/gpu-check.sh runs it on the GPU machine, or {@code mvn -Pgpu test -pl onnx-models -Dgroups=cuda
 * -DexcludedTestGroups=none} where a CUDA GPU is present.
 */
class CudaEpochTest {

    private static final ExecutionSettings CUDA = new ExecutionSettings(Device.parse("cuda"), 0);
    private static final String CUDA_PROVIDER = "CUDAExecutionProvider";
    /**
     * The largest difference of a step's loss, or (in Euclidean norm) of a weight tensor, CUDA against the CPU,
     * relative to the CPU's value, or absolute where that is below 1.
     */
    private static final double TOLERANCE = 1e-4;

    /**
     * A network and the data one epoch goes through.
     * @param net the network
     * @param data the training data
     * @param batch examples per step
     */
    private record Case(Network net, DenseDataset data, int batch) {
        EpochProgram program() {
            return EpochProgram.build(net, Differentiator.standard(), LabelSmoothing.uniform(0.1),
                    Sgd.withMomentum(0.9), null, batch);
        }

        int steps() {
            return data.size() / batch;
        }
    }

    /**
     * What an epoch left.
     * @param losses each step's loss
     * @param parameters the weights after it
     */
    private record Epoch(float[] losses, List<TensorData> parameters) {
    }

    static Stream<Arguments> convNets() {
        long[] gray = {1, 28, 28};
        long[] colour = {3, 24, 24};
        return Stream.of(
                Arguments.of("LeNet-5", new Case(LeNet5.create(gray, 10, 0, Initializer.HE_NORMAL, 1),
                        SyntheticData.images(512, gray, 10, 1), 64)),
                Arguments.of("two-convolution AlexNet", new Case(MuellerAlexNet.create(colour, 10, 0,
                        Initializer.HE_NORMAL, 1), SyntheticData.images(256, colour, 10, 1), 32)));
    }

    static Stream<Arguments> everyNet() {
        DenseDataset flat = SyntheticData.images(1024, new long[] {1, 28, 28}, 10, 1).withExampleShape(new long[] {784});
        Mlp mlp = Mlp.create(new long[] {784}, new int[] {1200, 1200}, 10, 0, Initializer.HE_NORMAL, null, 1);
        return Stream.concat(convNets(), Stream.of(Arguments.of("784-1200-1200-10", new Case(mlp, flat, 128))));
    }

    /**
     * One epoch in shuffled order, the order drawn from the same seed on every device, at a rate at which
     * the losses fall smoothly (at 0.05 these nets first diverge, and a chaotic epoch would magnify float32
     * rounding past any tolerance).
     */
    private static Epoch epoch(EpochProgram program, Case c, ExecutionSettings settings) throws OrtException {
        try (TrainingSession s = new TrainingSession(program, c.batch(), c.data(), null, settings)) {
            float[] losses = epoch(s, c.data(), c.batch(), c.steps()).losses();
            assertEquals(c.steps(), s.updates());
            return new Epoch(losses, s.parameters());
        }
    }

    private static TrainingSession.StepResults epoch(TrainingSession s, DenseDataset data, int batch, int steps)
            throws OrtException {
        int[] order = DenseDataset.permutation(data.size(), new Random(1));
        long[] batches = new long[steps * batch];
        Arrays.setAll(batches, i -> order[i]);
        float[] rates = new float[steps];
        float[] weights = new float[steps];
        Arrays.fill(rates, 0.01f);
        Arrays.fill(weights, 1f);
        return s.run(batches, rates, weights);
    }

    @Tag("cuda")
    @ParameterizedTest(name = "{0}")
    @MethodSource("convNets")
    void loopEpochOnCudaMatchesTheSameEpochOnTheCpu(String name, Case c) throws Exception {
        EpochProgram program = c.program();
        Epoch cpu = epoch(program, c, ExecutionSettings.DEFAULT);
        Epoch cuda = epoch(program, c, CUDA);
        double worstLoss = 0;
        for (int i = 0; i < c.steps(); i++) {
            double error = Math.abs(cpu.losses()[i] - cuda.losses()[i]) / Math.max(1, Math.abs(cpu.losses()[i]));
            worstLoss = Math.max(worstLoss, error);
            assertTrue(Float.isFinite(cuda.losses()[i]) && error < TOLERANCE, name + " step " + i + ": loss CPU "
                    + cpu.losses()[i] + ", CUDA " + cuda.losses()[i]);
        }
        double worstWeight = 0;
        double movedSquares = 0;
        double squares = 0;
        for (int i = 0; i < cpu.parameters().size(); i++) {
            float[] a = cpu.parameters().get(i).toFloats();
            float[] b = cuda.parameters().get(i).toFloats();
            assertArrayEquals(cpu.parameters().get(i).shape(), cuda.parameters().get(i).shape());
            double error = relativeError(a, b);
            worstWeight = Math.max(worstWeight, error);
            assertTrue(error < TOLERANCE, name + " parameter " + c.net().parameters().get(i).name()
                    + ": CUDA and CPU differ by " + error);
            float[] initial = c.net().parameters().get(i).initial().toFloats();
            for (int j = 0; j < a.length; j++) {
                movedSquares += ((double) a[j] - initial[j]) * ((double) a[j] - initial[j]);
                squares += (double) a[j] * a[j];
            }
        }
        double moved = Math.sqrt(movedSquares / squares);
        System.out.printf("%s, one epoch of %d steps on CUDA against the CPU: losses within %.2e, weights within"
                + " %.2e (the epoch moved them by %.2e)%n", name, c.steps(), worstLoss, worstWeight, moved);
        assertTrue(moved > 10 * TOLERANCE, name + ": the epoch hardly moved the weights (" + moved + ")");
    }

    @Tag("cuda")
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyNet")
    void noNodeOfTheEpochBodyRunsOffTheGpuAndNoCopyEntersIt(String name, Case c, @TempDir Path dir)
            throws Exception {
        EpochProgram program = c.program();
        epoch(program, c, CUDA.withProfile(dir.resolve("epoch")));
        Path profile;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> written = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
            assertEquals(1, written.size(), "ONNX Runtime's profile of the session: " + written);
            profile = written.get(0);
        }
        Set<String> outer = program.graph().nodes().stream().map(Node::name).collect(Collectors.toSet());
        Node loop = program.graph().nodes().stream().filter(n -> n.opType().equals("Loop")).findFirst().orElseThrow();
        Set<String> body = ((Graph) loop.attributes().get("body")).nodes().stream().map(Node::name)
                .collect(Collectors.toSet());
        List<String> offGpu = new ArrayList<>();
        Set<String> copies = new TreeSet<>();
        Set<String> bodyNodesSeen = new TreeSet<>();
        String loopProvider = null;
        for (KernelRun k : kernelRuns(profile)) {
            if (outer.contains(k.node())) {
                loopProvider = k.node().equals(loop.name()) ? k.provider() : loopProvider;
                continue;
            }
            // every other kernel ran inside the Loop: a body node, one ONNX Runtime fused from body nodes,
            // or a copy it inserted there
            if (body.contains(k.node())) {
                bodyNodesSeen.add(k.node());
            }
            if (!k.provider().equals(CUDA_PROVIDER) && offGpu.size() < 20) {
                offGpu.add(k.node() + " (" + k.op() + ") on " + k.provider());
            }
            if (k.op().startsWith("Memcpy")) {
                copies.add(k.node() + " (" + k.op() + ")");
            }
        }
        System.out.printf("%s: %d of the body's %d nodes in ONNX Runtime's profile of one epoch on CUDA (the others"
                + " fused or folded)%n", name, bodyNodesSeen.size(), body.size());
        assertEquals(CUDA_PROVIDER, loopProvider, name + ": the epoch Loop itself");
        assertTrue(!bodyNodesSeen.isEmpty(), name + ": the profile " + profile + " shows no node of the Loop body");
        assertTrue(offGpu.isEmpty(), name + ": Loop body nodes off the GPU: " + offGpu);
        assertTrue(copies.isEmpty(), name + ": copies inside the Loop body: " + copies);
    }

    /**
     * One kernel's run in ONNX Runtime's profile.
     * @param node the node's name in the session's graph
     * @param op its operator
     * @param provider the execution provider that ran it
     */
    private record KernelRun(String node, String op, String provider) {
    }

    /**
     * The kernel runs of a profile: its events of category "Node" named {@code <node>_kernel_time}, whose
     * args give op_name and provider (the fence events around them name no provider).
     */
    private static List<KernelRun> kernelRuns(Path profile) throws IOException {
        List<KernelRun> runs = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(profile.toFile())) {
            JsonNode args = e.path("args");
            String event = e.path("name").asText();
            if (e.path("cat").asText().equals("Node") && args.has("provider") && event.endsWith("_kernel_time")) {
                runs.add(new KernelRun(event.substring(0, event.length() - "_kernel_time".length()),
                        args.path("op_name").asText(), args.path("provider").asText()));
            }
        }
        return runs;
    }

    @Test
    @Tag("cuda")
    void tooSmallACudaArenaIsADeviceMemoryExceptionNamingTheBatchAndTrainingGoesOn() throws Exception {
        int batch = 1024;
        DenseDataset data = SyntheticData.images(2048, new long[] {1, 28, 28}, 10, 1).withExampleShape(new long[] {784});
        Mlp net = Mlp.create(new long[] {784}, new int[] {1200, 1200}, 10, 0, Initializer.HE_NORMAL, null, 1);
        Case c = new Case(net, data, batch);
        EpochProgram program = c.program();
        // 4 MiB holds neither the data set (6.4 MB) nor the weights (9.6 MB) on the device
        ExecutionSettings tiny = CUDA.withCuda(CudaSettings.DEFAULT.withMemoryLimit(4L << 20));
        try (TrainingSession s = new TrainingSession(program, batch, data, null, tiny)) {
            List<TensorData> before = s.parameters();
            DeviceMemoryException e = assertThrows(DeviceMemoryException.class, () -> epoch(s, data, batch, 2));
            System.out.println("A 4 MiB CUDA arena: " + e.getMessage());
            assertEquals(batch, e.batchSize());
            assertTrue(e.requestedBytes().isPresent(), e.getMessage());
            assertTrue(e.getMessage().startsWith("CUDA device 0 ran out of memory training at batch size 1024 (ONNX"
                    + " Runtime asked for "), e.getMessage());
            assertTrue(e.getMessage().contains("Train with a smaller batch (for example --batch 512), raise the CUDA"
                    + " memory limit of 4.0 MiB"), e.getMessage());
            TrainingSessionMemoryTest.assertUntouched(s, before);
        }
        Epoch unlimited = epoch(program, c, CUDA);
        assertTrue(Float.isFinite(unlimited.losses()[1]), "the process trains on, on the same device");
    }

    /** @return ||a - b|| / max(1, ||a||), Euclidean norms */
    private static double relativeError(float[] a, float[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
            norm += (double) a[i] * a[i];
        }
        return Math.sqrt(diff) / Math.max(1, Math.sqrt(norm));
    }
}
