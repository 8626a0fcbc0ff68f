package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

import java.util.Collections;

/**
 * The backward step of a one-input, one-output operator, written in terms of the forward input
 * x, the forward output y and the output gradient dy; {@link #rule} turns it into a
 * {@link GradientRule}.
 */
@FunctionalInterface
interface UnaryRule {

    /**
     * @param b the builder receiving the backward nodes
     * @param x the forward input
     * @param y the forward output
     * @param dy the gradient of y
     * @return the gradient of x
     */
    Value backward(GraphBuilder b, Value x, Value y, Value dy);

    /**
     * @param f the backward step
     * @return a rule that applies it to a node's first input and output
     */
    static GradientRule rule(UnaryRule f) {
        return (ctx, node, g) -> Collections.singletonList(
                f.backward(ctx.builder(), node.input(0), node.output(0), g.get(0)));
    }
}
