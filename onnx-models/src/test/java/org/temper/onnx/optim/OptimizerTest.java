package org.temper.onnx.optim;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three graph updates of two parameters against plain Java implementations of the same rules. */
class OptimizerTest {

    private static final long[][] SHAPES = {{2, 3}, {4}};
    private static final double[] RATES = {0.1, 0.05, 0.2};
    /** Global gradient norms of the three steps: below, well above and just above a max norm of 1. */
    private static final double[] NORMS = {0.5, 3, 1.5};
    private static final double[][] PARAMETERS = new double[2][];
    private static final double[][][] GRADIENTS = new double[3][2][];

    static {
        Random r = new Random(7);
        for (int i = 0; i < 2; i++) {
            PARAMETERS[i] = gaussian(r, i == 0 ? 6 : 4);
        }
        for (int t = 0; t < 3; t++) {
            double[] g0 = gaussian(r, 6);
            double[] g1 = gaussian(r, 4);
            double scale = NORMS[t] / Math.sqrt(sumOfSquares(g0) + sumOfSquares(g1));
            for (int j = 0; j < 6; j++) {
                g0[j] *= scale;
            }
            for (int j = 0; j < 4; j++) {
                g1[j] *= scale;
            }
            GRADIENTS[t] = new double[][] {g0, g1};
        }
    }

    private static double[] gaussian(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private static double sumOfSquares(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    /** One parameter's update rule in plain Java, updating w and its state in place. */
    private interface Reference {
        int stateCount();

        void step(double[] w, double[] g, double[][] state, double lr, int t);
    }

    /** PyTorch's SGD, written out. */
    private static Reference sgd(double momentum, double dampening, boolean nesterov, double weightDecay) {
        return new Reference() {
            public int stateCount() {
                return 1;
            }

            public void step(double[] w, double[] grad, double[][] state, double lr, int t) {
                double[] buf = state[0];
                for (int i = 0; i < w.length; i++) {
                    double g = grad[i] + weightDecay * w[i];
                    double d = g;
                    if (momentum != 0) {
                        buf[i] = t == 1 ? g : momentum * buf[i] + (1 - dampening) * g;
                        d = nesterov ? g + momentum * buf[i] : buf[i];
                    }
                    w[i] -= lr * d;
                }
            }
        };
    }

    /** PyTorch's Adam (decoupled false) and AdamW (decoupled true), written out. */
    private static Reference adam(double b1, double b2, double eps, double weightDecay, boolean decoupled) {
        return new Reference() {
            public int stateCount() {
                return 2;
            }

            public void step(double[] w, double[] grad, double[][] state, double lr, int t) {
                double c1 = 1 - Math.pow(b1, t);
                double c2 = 1 - Math.pow(b2, t);
                for (int i = 0; i < w.length; i++) {
                    double g = grad[i];
                    if (decoupled) {
                        w[i] *= 1 - lr * weightDecay;
                    } else {
                        g += weightDecay * w[i];
                    }
                    state[0][i] = b1 * state[0][i] + (1 - b1) * g;
                    state[1][i] = b2 * state[1][i] + (1 - b2) * g * g;
                    double denominator = Math.sqrt(state[1][i]) / Math.sqrt(c2) + eps;
                    w[i] -= lr / c1 * state[0][i] / denominator;
                }
            }
        };
    }

    /** Runs the reference for the steps given, clipping by global norm first when maxNorm is positive. */
    private static double[][] reference(Reference rule, double maxNorm, int steps) {
        double[][] w = {PARAMETERS[0].clone(), PARAMETERS[1].clone()};
        double[][][] state = new double[2][rule.stateCount()][];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < rule.stateCount(); j++) {
                state[i][j] = new double[w[i].length];
            }
        }
        for (int t = 0; t < steps; t++) {
            double norm = Math.sqrt(sumOfSquares(GRADIENTS[t][0]) + sumOfSquares(GRADIENTS[t][1]));
            double scale = maxNorm > 0 ? Math.min(1, maxNorm / (norm + 1e-6)) : 1;
            for (int i = 0; i < 2; i++) {
                double[] g = GRADIENTS[t][i].clone();
                for (int j = 0; j < g.length; j++) {
                    g[j] *= scale;
                }
                rule.step(w[i], g, state[i], RATES[t], t + 1);
            }
        }
        return w;
    }

    private static void assertMatches(Optimizer optimizer, GlobalNormClipping clipping, Reference rule,
                                      double maxNorm) throws Exception {
        double[][] graph = UpdateHarness.run(optimizer, clipping, PARAMETERS, SHAPES, GRADIENTS, RATES);
        double[][] java = reference(rule, maxNorm, 3);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(java[i], graph[i], 1e-12, "parameter " + i);
            assertTrue(Math.abs(graph[i][0] - PARAMETERS[i][0]) > 1e-6, "parameter " + i + " moved");
        }
    }

    @Test
    void plainSgd() throws Exception {
        assertMatches(Sgd.plain(), null, sgd(0, 0, false, 0), 0);
    }

    @Test
    void sgdWithMomentumAndDampeningAsInTheReplication() throws Exception {
        assertMatches(new Sgd(0.9, 0.9, false, 0), null, sgd(0.9, 0.9, false, 0), 0);
    }

    @Test
    void sgdWithMomentumAndWeightDecay() throws Exception {
        assertMatches(new Sgd(0.8, 0, false, 0.01), null, sgd(0.8, 0, false, 0.01), 0);
    }

    @Test
    void sgdWithNesterovMomentumAndWeightDecay() throws Exception {
        assertMatches(new Sgd(0.9, 0, true, 0.05), null, sgd(0.9, 0, true, 0.05), 0);
    }

    @Test
    void sgdMomentumBufferStartsAsTheUndampenedGradient() throws Exception {
        // step 1 with dampening 0.9: buffer = g, so w - lr g, not w - lr (1 - 0.9) g
        double[][] after = UpdateHarness.run(new Sgd(0.9, 0.9, false, 0), null, PARAMETERS, SHAPES,
                new double[][][] {GRADIENTS[0]}, new double[] {0.1});
        assertEquals(PARAMETERS[1][2] - 0.1 * GRADIENTS[0][1][2], after[1][2], 1e-15);
    }

    @Test
    void adamWithDefaults() throws Exception {
        assertMatches(Adam.adam(), null, adam(0.9, 0.999, 1e-8, 0, false), 0);
    }

    @Test
    void adamWhereEpsilonAndL2WeightDecayMatter() throws Exception {
        assertMatches(new Adam(0.8, 0.99, 0.1, 0.05, Adam.WeightDecay.L2), null, adam(0.8, 0.99, 0.1, 0.05, false), 0);
    }

    @Test
    void adamWWithDecoupledWeightDecay() throws Exception {
        assertMatches(Adam.adamW(0.1), null, adam(0.9, 0.999, 1e-8, 0.1, true), 0);
        double[][] adamL2 = UpdateHarness.run(new Adam(0.9, 0.999, 1e-8, 0.1, Adam.WeightDecay.L2), null,
                PARAMETERS, SHAPES, GRADIENTS, RATES);
        double[][] adamW = UpdateHarness.run(Adam.adamW(0.1), null, PARAMETERS, SHAPES, GRADIENTS, RATES);
        assertTrue(Math.abs(adamL2[0][0] - adamW[0][0]) > 1e-6, "L2 and decoupled decay differ");
    }

    @Test
    void clippingByGlobalNormBeforeSgd() throws Exception {
        assertMatches(Sgd.plain(), new GlobalNormClipping(1), sgd(0, 0, false, 0), 1);
        double[][] clipped = UpdateHarness.run(Sgd.plain(), new GlobalNormClipping(1), PARAMETERS, SHAPES,
                GRADIENTS, RATES);
        double[][] unclipped = reference(sgd(0, 0, false, 0), 0, 3);
        assertTrue(Math.abs(clipped[0][0] - unclipped[0][0]) > 1e-6, "clipping changes the result");
    }

    @Test
    void clippingByGlobalNormBeforeAdamWithMomentum() throws Exception {
        assertMatches(new Adam(0.5, 0.9, 1e-3, 0, Adam.WeightDecay.L2), new GlobalNormClipping(2),
                adam(0.5, 0.9, 1e-3, 0, false), 2);
    }

    @Test
    void updatesRunInFloat32LikeInFloat64() throws Exception {
        Optimizer[] optimizers = {
            new Sgd(0.9, 0, true, 0.05), new Sgd(0.9, 0.9, false, 0), Adam.adam(), Adam.adamW(0.1)};
        for (Optimizer o : optimizers) {
            double[][] exact = UpdateHarness.run(o, new GlobalNormClipping(1), PARAMETERS, SHAPES, GRADIENTS, RATES);
            double[][] single = UpdateHarness.run(o, new GlobalNormClipping(1), PARAMETERS, SHAPES, GRADIENTS, RATES,
                    DType.FLOAT);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(exact[i], single[i], 1e-5, o.describe());
            }
        }
    }

    @Test
    void clippingScalesEveryGradientByOneFactorAndReportsTheNorm() throws Exception {
        // g = ((3), (4)): norm 5; maxNorm 1 scales by 1 / (5 + 1e-6)
        GraphBuilder b = new GraphBuilder();
        Value a = b.input("a", DType.DOUBLE, Shape.of(1));
        Value c = b.input("c", DType.DOUBLE, Shape.of(1));
        GlobalNormClipping.Clipped clipped = new GlobalNormClipping(1).clip(b, java.util.List.of(a, c));
        b.output(clipped.gradients().get(0), "a2");
        b.output(clipped.gradients().get(1), "c2");
        b.output(clipped.norm(), "norm");
        try (GraphSession s = new GraphSession(b.build("clip"), ExecutionSettings.DEFAULT)) {
            Map<String, TensorData> out = s.run(Map.of("a", TensorData.ofDoubles(new double[] {3}, 1),
                    "c", TensorData.ofDoubles(new double[] {4}, 1)));
            assertEquals(5, out.get("norm").toDoubles()[0], 1e-15);
            assertEquals(3 / (5 + 1e-6), out.get("a2").toDoubles()[0], 1e-15);
            assertEquals(4 / (5 + 1e-6), out.get("c2").toDoubles()[0], 1e-15);
        }
    }

    @Test
    void badSettingsAreErrorsNamingTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Adam(1, 0.999, 1e-8, 0, Adam.WeightDecay.L2)).getMessage().contains("beta1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.9, -0.1, 1e-8, 0, Adam.WeightDecay.L2)).getMessage().contains("beta2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.9, 0.999, 0, 0, Adam.WeightDecay.L2)).getMessage().contains("epsilon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Adam.adamW(-1))
                .getMessage().contains("Weight decay"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GlobalNormClipping(0))
                .getMessage().contains("maxNorm"));
    }
}
