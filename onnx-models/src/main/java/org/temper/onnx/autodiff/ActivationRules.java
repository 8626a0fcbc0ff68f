package org.temper.onnx.autodiff;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Gradient rules of activation functions, Softmax, LogSoftmax (opset 13 semantics: one axis,
 * default -1) and Dropout.
 */
final class ActivationRules {

    private ActivationRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Relu", UnaryRule.rule((b, x, y, dy) -> leaky(b, x, dy, b.scalar(0, dy.dtype()))));
        r.register("LeakyRelu", ActivationRules::leakyRelu);
        r.register("Sigmoid", UnaryRule.rule((b, x, y, dy) -> b.mul(b.mul(dy, y), b.sub(b.scalar(1, y.dtype()), y))));
        r.register("Tanh", UnaryRule.rule((b, x, y, dy) -> b.mul(dy, b.sub(b.scalar(1, y.dtype()), b.mul(y, y)))));
        r.register("Softmax", ActivationRules::softmax);
        r.register("LogSoftmax", ActivationRules::logSoftmax);
        r.register("Dropout", ActivationRules::dropout);
    }

    /**
     * dX = dY where X &gt; 0, else the given negative-side gradient (0 for Relu: the mask of the
     * pre-activation, as ONNX Runtime's own rule).
     */
    private static Value leaky(GraphBuilder b, Value x, Value dy, Value negativeSide) {
        return b.where(b.greater(x, b.scalar(0, x.dtype())), dy, negativeSide);
    }

    /** dX = dY where X &gt; 0, else alpha * dY. */
    private static List<Value> leakyRelu(GradientContext ctx, Node n, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value dy = g.get(0);
        Value alpha = b.scalar(ctx.floatAttr(n, "alpha", 0.01), dy.dtype());
        return Collections.singletonList(leaky(b, n.input(0), dy, b.mul(dy, alpha)));
    }

    /** Y = softmax(X): dX = Y * (dY - sum(dY * Y)) along the softmax axis. */
    private static List<Value> softmax(GradientContext ctx, Node n, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value y = n.output(0);
        Value dy = g.get(0);
        return Collections.singletonList(b.mul(y, b.sub(dy, b.reduceSum(b.mul(dy, y), true, n.intAttr("axis", -1)))));
    }

    /** Y = logsoftmax(X): dX = dY - exp(Y) * sum(dY) along the axis. */
    private static List<Value> logSoftmax(GradientContext ctx, Node n, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value dy = g.get(0);
        return Collections.singletonList(b.sub(dy, b.mul(b.exp(n.output(0)), b.reduceSum(dy, true, n.intAttr("axis", -1)))));
    }

    /**
     * Y = X * mask / (1 - ratio) in training mode, X otherwise: dX = dY * mask * scale, where
     * scale is 1 / (1 - ratio) when training_mode holds and 1 when it does not (evaluated in the
     * graph, so a run-time training flag and ratio work). Without a training_mode input Dropout is
     * the identity. The mask must be an output of the forward node.
     */
    private static List<Value> dropout(GradientContext ctx, Node n, List<Value> g) {
        Value dy = g.get(0);
        Value training = n.input(2);
        if (training == null) {
            return Collections.singletonList(dy);
        }
        if (n.outputs().size() < 2) {
            throw new IllegalArgumentException("Dropout node '" + n.name() + "' has a training_mode input but no mask"
                    + " output; its gradient needs the mask, so the forward node must output it"
                    + " (GraphBuilder.dropout does)");
        }
        GraphBuilder b = ctx.builder();
        DType t = dy.dtype();
        Value one = b.scalar(1, t);
        Value ratio = n.input(1) == null ? b.scalar(0.5, t) : n.input(1);
        if (ratio.dtype() != t) {
            ratio = b.cast(ratio, t);
        }
        Value scale = b.where(training, b.div(one, b.sub(one, ratio)), one);
        return Arrays.asList(b.mul(b.mul(dy, b.cast(n.output(1), t)), scale), null, null);
    }
}
