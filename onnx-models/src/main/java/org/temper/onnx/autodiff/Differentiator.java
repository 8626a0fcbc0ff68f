package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation of a list of forward nodes. Starting from seed gradients (for
 * example the analytic gradient of an objective with respect to the logits), it visits the nodes
 * in reverse order, applies each operator's {@link GradientRule} and sums the gradients of values
 * used more than once. Only nodes between the seeds and the requested values are differentiated;
 * an operator on that path without a rule is an error naming the operator and the node.
 */
public final class Differentiator {

    private final GradientRegistry registry;

    /**
     * @param registry the gradient rules to use
     */
    public Differentiator(GradientRegistry registry) {
        this.registry = registry;
    }

    /** @return a differentiator with every standard rule. */
    public static Differentiator standard() {
        return new Differentiator(GradientRegistry.standard());
    }

    /**
     * @param builder the builder receiving the backward nodes (the one holding the forward nodes, or a
     *                subgraph of it)
     * @param forward the forward nodes in topological order
     * @param seeds gradients of some forward values, e.g. logits -> dLoss/dlogits
     * @param wrt the values whose gradients are wanted (parameters)
     * @return the gradient of each requested value; a value the seeds do not depend on maps to null
     */
    public Map<Value, Value> backward(GraphBuilder builder, List<Node> forward, Map<Value, Value> seeds,
                                      Collection<Value> wrt) {
        Set<Value> needed = valuesOnPath(forward, seeds.keySet(), wrt);
        GradientContext ctx = new GradientContext(builder, needed);
        Map<Value, Value> grads = new HashMap<>(seeds);
        for (int i = forward.size() - 1; i >= 0; i--) {
            Node node = forward.get(i);
            List<Value> outGrads = new ArrayList<>();
            boolean any = false;
            for (Value o : node.outputs()) {
                Value g = grads.get(o);
                outGrads.add(g);
                any |= g != null;
            }
            if (!any || node.inputs().stream().noneMatch(ctx::needsGradient)) {
                continue;
            }
            GradientRule rule = registry.rule(node.opType());
            if (rule == null) {
                throw new UnsupportedOperatorException(node, registry.operators());
            }
            List<Value> inGrads = rule.backward(ctx, node, outGrads);
            for (int k = 0; k < node.inputs().size(); k++) {
                Value in = node.inputs().get(k);
                Value g = k < inGrads.size() ? inGrads.get(k) : null;
                if (g != null && ctx.needsGradient(in)) {
                    Value previous = grads.get(in);
                    grads.put(in, previous == null ? g : builder.add(previous, g));
                }
            }
        }
        Map<Value, Value> result = new HashMap<>();
        for (Value w : wrt) {
            result.put(w, grads.get(w));
        }
        return result;
    }

    /** Values that lie on a path from a requested value to a seed: only their gradients are built. */
    private static Set<Value> valuesOnPath(List<Node> forward, Set<Value> seeds, Collection<Value> wrt) {
        Set<Value> fromWrt = new HashSet<>(wrt);
        for (Node n : forward) {
            if (n.inputs().stream().anyMatch(fromWrt::contains)) {
                fromWrt.addAll(n.outputs());
            }
        }
        Set<Value> toSeed = new HashSet<>(seeds);
        for (int i = forward.size() - 1; i >= 0; i--) {
            Node n = forward.get(i);
            if (n.outputs().stream().anyMatch(toSeed::contains)) {
                for (Value in : n.inputs()) {
                    if (in != null) {
                        toSeed.add(in);
                    }
                }
            }
        }
        fromWrt.retainAll(toSeed);
        return fromWrt;
    }
}
