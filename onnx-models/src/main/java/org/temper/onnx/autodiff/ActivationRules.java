package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.List;

/** Gradient rules of activation functions, Softmax, LogSoftmax and Dropout. */
final class ActivationRules {

    private ActivationRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Relu", ActivationRules::relu);
    }

    /** dX = dY where X &gt; 0, else 0 (the mask of the pre-activation, as ONNX Runtime's own rule). */
    private static List<Value> relu(GradientContext ctx, Node node, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        Value zero = b.scalar(0, x.dtype());
        return List.of(b.where(b.greater(x, zero), g.get(0), zero));
    }
}
