package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gradient rules of the broadcasting arithmetic operators (Add, Sub, Mul, Div), Identity and the
 * elementwise functions Neg, Exp, Log and Sqrt. Each input gradient of a binary operator is
 * summed back to that input's shape, so numpy broadcasting works both ways.
 */
final class ElementwiseRules {

    private ElementwiseRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Add", (ctx, n, g) -> binary(ctx, n, () -> g.get(0), () -> g.get(0)));
        r.register("Sub", (ctx, n, g) -> binary(ctx, n, () -> g.get(0), () -> ctx.builder().neg(g.get(0))));
        r.register("Mul", (ctx, n, g) -> binary(ctx, n,
                () -> ctx.builder().mul(g.get(0), n.input(1)), () -> ctx.builder().mul(g.get(0), n.input(0))));
        r.register("Div", ElementwiseRules::div);
        r.register("Identity", (ctx, n, g) -> Arrays.asList(g.get(0)));
        r.register("Neg", UnaryRule.rule((b, x, y, dy) -> b.neg(dy)));
        r.register("Exp", UnaryRule.rule((b, x, y, dy) -> b.mul(dy, y)));
        r.register("Log", UnaryRule.rule((b, x, y, dy) -> b.div(dy, x)));
        r.register("Sqrt", UnaryRule.rule((b, x, y, dy) -> b.div(b.mul(dy, b.scalar(0.5, y.dtype())), y)));
    }

    /** Y = A / B: dA = dY / B and dB = -dY * A / B^2 = -(dY * Y) / B. */
    private static List<Value> div(GradientContext ctx, Node n, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value dy = g.get(0);
        return binary(ctx, n, () -> b.div(dy, n.input(1)), () -> b.neg(b.div(b.mul(dy, n.output(0)), n.input(1))));
    }

    /**
     * @param da builds the gradient of the first input at the output's shape
     * @param db builds the gradient of the second input at the output's shape
     * @return both gradients reduced to their inputs' shapes, null where none is needed
     */
    private static List<Value> binary(GradientContext ctx, Node n, Supplier<Value> da, Supplier<Value> db) {
        return Arrays.asList(reduced(ctx, n.input(0), da), reduced(ctx, n.input(1), db));
    }

    private static Value reduced(GradientContext ctx, Value input, Supplier<Value> grad) {
        return ctx.needsGradient(input) ? ctx.unbroadcast(grad.get(), input) : null;
    }
}
