package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a {@link GradientRule} may use: the builder to emit nodes into, and shared helpers. */
public final class GradientContext {

    private final GraphBuilder builder;
    private final Set<Value> needed;

    GradientContext(GraphBuilder builder, Set<Value> needed) {
        this.builder = builder;
        this.needed = needed;
    }

    /** @return the builder that receives backward nodes. */
    public GraphBuilder builder() {
        return builder;
    }

    /**
     * @param v a forward value
     * @return true when some requested gradient depends on the gradient of v
     */
    public boolean needsGradient(Value v) {
        return v != null && needed.contains(v);
    }

    /**
     * Reads a float attribute at the precision ONNX stores it (float32), so that a rule scales by
     * exactly the number ONNX Runtime used in the forward pass.
     * @param node the forward node
     * @param key attribute name
     * @param fallback the operator's default
     * @return the attribute rounded to float32
     */
    public double floatAttr(Node node, String key, double fallback) {
        return (float) node.floatAttr(key, fallback);
    }

    /**
     * Sums a gradient over the axes along which {@code input} was broadcast, so that it gets the
     * shape of {@code input}. Shapes must be known; symbolic dimensions count as equal when they
     * carry the same symbol.
     * @param grad gradient with the broadcast (output) shape
     * @param input the forward input it belongs to
     * @return the gradient with the input's shape
     */
    public Value unbroadcast(Value grad, Value input) {
        Shape gs = grad.shape();
        Shape is = input.shape();
        if (!gs.isKnown() || !is.isKnown()) {
            throw new IllegalStateException("Cannot reduce the gradient " + grad + " to the shape of " + input
                    + ": shapes must be known");
        }
        if (gs.sameAs(is)) {
            return grad;
        }
        int lead = gs.rank() - is.rank();
        List<Long> axes = new ArrayList<>();
        for (int i = 0; i < gs.rank(); i++) {
            if (i < lead) {
                axes.add((long) i);
            } else {
                Dim in = is.dim(i - lead);
                if (in.isOne() && !gs.dim(i).isOne()) {
                    axes.add((long) i);
                }
            }
        }
        Value reduced = axes.isEmpty() ? grad
                : builder.reduceSum(grad, true, axes.stream().mapToLong(Long::longValue).toArray());
        if (lead == 0 && reduced.shape().sameAs(is)) {
            return reduced;
        }
        return builder.reshape(reduced, is.isFullyFixed() ? is.sizes() : keepSymbolic(is));
    }

    private static long[] keepSymbolic(Shape s) {
        long[] t = new long[s.rank()];
        int unknown = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = s.dim(i).isFixed() ? s.dim(i).size() : -1;
            unknown += s.dim(i).isFixed() ? 0 : 1;
        }
        if (unknown > 1) {
            throw new IllegalStateException("Cannot reshape a gradient to " + s + ": more than one unknown dimension");
        }
        return t;
    }
}
