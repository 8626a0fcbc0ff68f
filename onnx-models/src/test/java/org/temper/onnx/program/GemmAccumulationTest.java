package org.temper.onnx.program;

import org.junit.jupiter.api.Test;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class GemmAccumulationTest {

    private static TensorData random(long seed, long... shape) {
        Random r = new Random(seed);
        double[] v = new double[(int) java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return TensorData.ofDoubles(v, shape);
    }

    /** Builds state * 0.9 + [0.1 *] (a^T b) over inputs a [5, 3], b [5, 4], state [3, 4]. */
    private static Graph accumulate(boolean scaledGradient, boolean gradientAlsoOutput) {
        GraphBuilder g = new GraphBuilder();
        Value a = g.input("a", DType.DOUBLE, Shape.of(5, 3));
        Value b = g.input("b", DType.DOUBLE, Shape.of(5, 4));
        Value state = g.input("state", DType.DOUBLE, Shape.of(3, 4));
        Value grad = g.gemm(a, b, null, true, false);
        Value term = scaledGradient ? g.mul(grad, g.scalar(0.1, DType.DOUBLE)) : grad;
        g.output(g.add(g.mul(state, g.scalar(0.9, DType.DOUBLE)), term), "out");
        if (gradientAlsoOutput) {
            g.output(grad, "grad");
        }
        return g.build("accumulate");
    }

    private static long count(Graph g, String op) {
        return g.nodes().stream().filter(n -> n.opType().equals(op)).count();
    }

    @Test
    void fusedGemmComputesTheSameUpdate() throws Exception {
        Map<String, TensorData> in = Map.of("a", random(1, 5, 3), "b", random(2, 5, 4), "state", random(3, 3, 4));
        for (boolean scaled : new boolean[] {false, true}) {
            Graph plain = accumulate(scaled, false);
            Graph fused = GemmAccumulation.fuse(plain);
            assertEquals(1, count(fused, "Gemm"));
            assertEquals(0, count(fused, "Add") + count(fused, "Mul"));
            Node gemm = fused.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
            assertEquals(0.9, gemm.floatAttr("beta", 1), 0);
            assertEquals(scaled ? 0.1 : 1.0, gemm.floatAttr("alpha", 1), 0);
            try (GraphSession p = new GraphSession(plain, ExecutionSettings.DEFAULT);
                 GraphSession f = new GraphSession(fused, ExecutionSettings.DEFAULT)) {
                double[] expected = p.run(in).get("out").toDoubles();
                double[] actual = f.run(in).get("out").toDoubles();
                for (int i = 0; i < expected.length; i++) {
                    // Gemm's alpha and beta are float attributes: 0.9 and 0.1 lose their last bits
                    assertEquals(expected[i], actual[i], 1e-6);
                }
            }
        }
    }

    @Test
    void aGradientUsedElsewhereIsNotFused() {
        Graph g = accumulate(false, true);
        assertSame(g, GemmAccumulation.fuse(g));
    }

    private static long accumulatingGemms(org.temper.onnx.optim.Optimizer optimizer) {
        Mlp net = Mlp.create(new long[] {4}, new int[] {16, 8}, 3, 0, Initializer.HE_NORMAL, null, 7);
        Graph body = (Graph) EpochProgram.build(net, Differentiator.standard(),
                LabelSmoothing.uniform(0.1), optimizer, null, 10).graph()
                .nodes().stream().filter(n -> n.opType().equals("Loop")).findFirst().orElseThrow()
                .attributes().get("body");
        return body.nodes().stream().filter(n -> n.opType().equals("Gemm") && n.attributes().containsKey("beta"))
                .count();
    }

    @Test
    void sgdMomentumOfEveryWeightMatrixIsAccumulatedByItsGemm() {
        assertEquals(3, accumulatingGemms(Sgd.withMomentum(0.9)));
        // Adam's gradient also feeds its second moment, so the product must stay separate
        assertEquals(0, accumulatingGemms(Adam.adam()));
    }
}
