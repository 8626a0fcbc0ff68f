package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.Arrays;
import java.util.List;

/** Gradient rules of operators that only move data: Flatten, Reshape. */
final class ShapeRules {

    private ShapeRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Flatten", ShapeRules::reshapeBack);
        r.register("Reshape", ShapeRules::reshapeBack);
    }

    /** The gradient of a reshape is the output gradient reshaped to the input's runtime shape. */
    private static List<Value> reshapeBack(GradientContext ctx, Node node, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        return Arrays.asList(b.reshape(g.get(0), b.shapeOf(x), x.shape()), null);
    }
}
