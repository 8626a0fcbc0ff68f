package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Gradient rules of operators that only move data: Flatten, Reshape, Transpose, Concat. */
final class ShapeRules {

    private ShapeRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Flatten", ShapeRules::reshapeBack);
        r.register("Reshape", ShapeRules::reshapeBack);
        r.register("Transpose", ShapeRules::transpose);
        r.register("Concat", ShapeRules::concat);
    }

    /** The gradient of a reshape is the output gradient reshaped to the input's runtime shape. */
    private static List<Value> reshapeBack(GradientContext ctx, Node node, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        return Arrays.asList(b.reshape(g.get(0), b.shapeOf(x), x.shape()), null);
    }

    /** The gradient of a transpose is the output gradient transposed by the inverse permutation. */
    private static List<Value> transpose(GradientContext ctx, Node node, List<Value> g) {
        int rank = node.input(0).shape().rank();
        long[] perm = node.intsAttr("perm");
        long[] inverse = new long[rank];
        for (int i = 0; i < rank; i++) {
            int forward = perm == null ? rank - 1 - i : (int) perm[i];
            inverse[forward] = i;
        }
        return Collections.singletonList(ctx.builder().transpose(g.get(0), inverse));
    }

    /**
     * The gradient of a concatenation is the output gradient split along the same axis into pieces
     * of the inputs' sizes: constants where those sizes are fixed, read from the inputs' runtime
     * shapes where one is symbolic (e.g. the batch axis).
     */
    private static List<Value> concat(GradientContext ctx, Node node, List<Value> g) {
        List<Value> parts = node.inputs();
        if (parts.size() == 1) {
            return Collections.singletonList(g.get(0));
        }
        GraphBuilder b = ctx.builder();
        long axis = node.intAttr("axis", 0);
        int ax = (int) (axis < 0 ? axis + parts.get(0).shape().rank() : axis);
        List<Dim> sizes = new ArrayList<>();
        for (Value p : parts) {
            sizes.add(p.shape().dim(ax));
        }
        return b.split(g.get(0), ax, splitSizes(b, parts, sizes, ax), sizes);
    }

    private static Value splitSizes(GraphBuilder b, List<Value> parts, List<Dim> sizes, int axis) {
        if (sizes.stream().allMatch(Dim::isFixed)) {
            return b.longs(sizes.stream().mapToLong(Dim::size).toArray());
        }
        Value[] runtime = new Value[parts.size()];
        for (int i = 0; i < runtime.length; i++) {
            runtime[i] = b.gather(b.shapeOf(parts.get(i)), b.longs(axis), 0);
        }
        return b.concat(0, runtime);
    }
}
