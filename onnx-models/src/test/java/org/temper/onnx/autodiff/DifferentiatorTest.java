package org.temper.onnx.autodiff;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.Value;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The differentiator's bookkeeping and errors, and that the gradient check can fail. */
class DifferentiatorTest {

    @Test
    void aValueUsedTwiceAccumulatesBothGradients() throws Exception {
        GradientCheck.Run run = GradientCheck.of((b, x) -> b.mul(x.get(0), x.get(0))).input(3, 2).analytic();
        double[] x = run.inputs().get(0);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = 2 * x[i] * run.r()[i];
        }
        assertArrayEquals(expected, run.grad(0), 1e-15);
    }

    @Test
    void anOperatorWithoutARuleIsAnErrorNamingOperatorAndNode() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", DType.FLOAT, Shape.batchOf(3));
        Value y = b.op("Cos", List.of(x), Map.of(), List.of(x)).get(0);
        Node cos = b.nodes().get(0);
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> backward(b, y, x));
        assertTrue(e.getMessage().contains("Cos") && e.getMessage().contains("'" + cos.name() + "'"), e.getMessage());
    }

    @Test
    void theGradientCheckCatchesAWrongRule() throws Exception {
        GradientRule missingSquare = UnaryRule.rule((b, x, y, dy) -> b.mul(dy, b.sub(b.scalar(1, y.dtype()), y)));
        double error = GradientCheck.of((b, x) -> b.tanh(x.get(0))).input(4, 3)
                .with(new Differentiator(new GradientRegistry().register("Tanh", missingSquare)))
                .maxRelativeError();
        assertTrue(error > 1e3 * GradientCheck.TOLERANCE, "a wrong Tanh rule passed with relative error " + error);
    }

    @Test
    void theReferenceCheckCatchesAWrongRule() throws Exception {
        GradientRule right = GradientRegistry.standard().rule("Conv");
        GradientRule scaled = (ctx, node, g) -> right.backward(ctx, node,
                List.of(ctx.builder().mul(g.get(0), ctx.builder().scalar(1.01, g.get(0).dtype()))));
        long[] xs = {2, 2, 5, 5};
        long[] ws = {3, 2, 3, 3};
        long[] one = {1, 1};
        long[] noPads = {0, 0, 0, 0};
        double error = GradientCheck.of((b, x) -> b.conv(x.get(0), x.get(1), null, one, noPads, one, 1))
                .input(xs).input(ws).with(new Differentiator(new GradientRegistry().register("Conv", scaled)))
                .maxRelativeErrorAgainst(in -> ReferenceOps.conv(in.get(0), xs, in.get(1), ws, null, one, noPads, one));
        assertTrue(error > 100 * GradientCheck.FLOAT_TOLERANCE, "a wrong Conv rule passed with relative error " + error);
    }

    @Test
    void dropoutInTrainingModeWithoutItsMaskOutputIsAClearError() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", DType.FLOAT, Shape.batchOf(3));
        Value trainingMode = b.input("training", DType.BOOL, Shape.scalar());
        Value y = b.op("Dropout", List.of(x, b.scalar(0.5, DType.FLOAT), trainingMode), Map.of(), List.of(x)).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backward(b, y, x));
        assertTrue(e.getMessage().contains("mask"), e.getMessage());
    }

    @Test
    void dropoutWithoutTrainingModeIsTheIdentity() throws Exception {
        GradientCheck.Run run = GradientCheck.of((b, x) ->
                b.op("Dropout", List.of(x.get(0)), Map.of(), List.of(x.get(0))).get(0)).input(3, 2).analytic();
        assertArrayEquals(run.r(), run.grad(0));
    }

    @Test
    void matMulOfAVectorIsAClearError() {
        GraphBuilder b = new GraphBuilder();
        Value v = b.input("v", DType.FLOAT, Shape.of(3));
        Value m = b.input("m", DType.FLOAT, Shape.of(3, 2));
        Value y = b.op("MatMul", List.of(v, m), Map.of(), List.of(new Value("", DType.FLOAT, Shape.of(2)))).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backward(b, y, m));
        assertTrue(e.getMessage().contains("rank 2"), e.getMessage());
    }

    private static Map<Value, Value> backward(GraphBuilder b, Value y, Value wrt) {
        Value seed = b.input("dy", y.dtype(), y.shape());
        return Differentiator.standard().backward(b, b.nodes(), Map.of(y, seed), List.of(wrt));
    }
}
