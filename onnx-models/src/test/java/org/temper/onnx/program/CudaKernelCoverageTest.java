package org.temper.onnx.program;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;
import org.temper.onnx.objective.Annealing;
import org.temper.onnx.objective.ClassWeighted;
import org.temper.onnx.objective.ConfidencePenalty;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.LeNet5;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.MuellerAlexNet;
import org.temper.onnx.zoo.Network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every node of every training program, the epoch Loop's body and anything nested in it included,
 * is an operator with element types that ONNX Runtime's CUDA execution provider has a kernel for
 * (cuda-kernels.tsv, taken from ONNX Runtime's own kernel table). A node without one would run on
 * the CPU inside the Loop, with a host-device copy each way at every step.
 */
class CudaKernelCoverageTest {

    /** Constant nodes become initializers when ONNX Runtime loads a graph; no kernel runs them. */
    private static final Set<String> FOLDED_AT_LOAD = Set.of("Constant");
    private static final long[] IMAGE = {1, 28, 28};
    private static final Set<String> KERNELS = kernels();

    private static Set<String> kernels() {
        Set<String> k = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CudaKernelCoverageTest.class.getResourceAsStream("cuda-kernels.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    k.add(cols[0] + " " + cols[1]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return k;
    }

    /**
     * @param n a node
     * @return its operator and the distinct element types of its inputs and outputs, as in cuda-kernels.tsv
     */
    static String signature(Node n) {
        return (n.domain().isEmpty() ? "" : n.domain() + ":") + n.opType() + " " + types(n.inputs()) + " -> "
                + types(n.outputs());
    }

    private static String types(List<Value> values) {
        Set<String> t = new LinkedHashSet<>();
        for (Value v : values) {
            if (v != null && !v.name().isEmpty()) {
                t.add(v.dtype().name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(",", t);
    }

    /** Adds the signature of every node of the graph and of its subgraphs, with where it sits. */
    private static void walk(Graph g, String where, List<String> out) {
        for (Node n : g.nodes()) {
            if (!FOLDED_AT_LOAD.contains(n.opType())) {
                out.add(signature(n) + "\t" + where + "/" + n.name());
            }
            for (Object a : n.attributes().values()) {
                if (a instanceof Graph sub) {
                    walk(sub, where + "/" + n.name(), out);
                }
            }
        }
    }

    private static List<String> uncovered(EpochProgram program) {
        List<String> nodes = new ArrayList<>();
        walk(program.graph(), program.graph().name(), nodes);
        assertTrue(nodes.size() > 20, "the walk found only " + nodes);
        return nodes.stream().filter(s -> !KERNELS.contains(s.substring(0, s.indexOf('\t')))).toList();
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("MLP", Mlp.create(IMAGE, new int[] {32, 16}, 10, 0, Initializer.HE_NORMAL, null, 1)),
                Arguments.of("MLP with dropout and layer rates", Mlp.create(IMAGE, new int[] {32, 16}, 10, 0.5,
                        Initializer.HE_NORMAL, new double[] {1, 1, 0.1}, 1)),
                Arguments.of("LeNet-5", LeNet5.create(IMAGE, 10, 0, Initializer.HE_NORMAL, 1)),
                Arguments.of("two-convolution AlexNet with dropout", MuellerAlexNet.create(new long[] {3, 24, 24}, 10, 0.5,
                        Initializer.HE_NORMAL, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyNetworkOfTheZooTrainsOnCudaKernelsOnly(String name, Network network) {
        EpochProgram p = EpochProgram.build(network, Differentiator.standard(), LabelSmoothing.uniform(0.1),
                Sgd.withMomentum(0.9), null, 8);
        assertEquals(List.of(), uncovered(p), name + ": nodes without a CUDA kernel (signature, node)");
    }

    @Test
    void everyObjectiveOptimizerAndClippingTrainsOnCudaKernelsOnly() {
        Network mlp = Mlp.create(IMAGE, new int[] {32}, 10, 0.2, Initializer.HE_NORMAL, null, 1);
        double[] classWeights = new double[10];
        Arrays.fill(classWeights, 1);
        classWeights[3] = 2;
        double[] prior = new double[10];
        Arrays.fill(prior, 0.1);
        List<Objective> objectives = List.of(LabelSmoothing.hardTargets(), LabelSmoothing.otherClasses(0.1),
                LabelSmoothing.prior(0.1, prior), ConfidencePenalty.annealed(0.5, Annealing.linear()).withHinge(0.2),
                Distillation.softCrossEntropy(4, 0.6), Distillation.mseOnLogits(0.5),
                Distillation.mseOnSoftenedProbabilities(4, 0.5), ClassWeighted.of(LabelSmoothing.uniform(0.1), classWeights));
        List<Optimizer> optimizers = List.of(Sgd.plain(), new Sgd(0.9, 0, true, 1e-4), new Sgd(0.9, 0.9, false, 1e-4),
                Adam.adam(), Adam.adamW(0.01));
        Set<String> uncovered = new TreeSet<>();
        for (Objective o : objectives) {
            for (Optimizer opt : optimizers) {
                for (GlobalNormClipping c : Arrays.asList(null, new GlobalNormClipping(1))) {
                    uncovered.addAll(uncovered(EpochProgram.build(mlp, Differentiator.standard(), o, opt, c, 8)));
                }
            }
        }
        assertEquals(Set.of(), uncovered, "nodes without a CUDA kernel (signature, node)");
    }

    @Test
    void aNodeOutsideTheTableIsNamedWithItsPlace() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", org.temper.onnx.graph.DType.DOUBLE, org.temper.onnx.graph.Shape.of(2));
        b.output(b.relu(x), "y");
        Node relu = b.build("g").nodes().get(0);
        assertEquals("Relu double -> double", signature(relu));
        assertTrue(!KERNELS.contains(signature(relu)) && KERNELS.contains("Relu float -> float"));
        assertEquals(GraphBuilder.OPSET, 17, "cuda-kernels.tsv lists the kernel rows that cover opset 17");
    }
}
