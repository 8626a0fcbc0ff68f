package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Value;

import java.util.Arrays;
import java.util.List;

/** Gradient rules of the broadcasting arithmetic operators and Identity. */
final class ElementwiseRules {

    private ElementwiseRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Add", (ctx, n, g) -> Arrays.asList(
                grad(ctx, n.input(0), g.get(0)), grad(ctx, n.input(1), g.get(0))));
        r.register("Identity", (ctx, n, g) -> Arrays.asList(g.get(0)));
    }

    private static Value grad(GradientContext ctx, Value input, Value g) {
        return ctx.needsGradient(input) ? ctx.unbroadcast(g, input) : null;
    }

}
