package org.temper.onnx.program;

import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds an optimizer's state update into the matrix product that computes the weight gradient:
 * {@code Add(Mul(v, beta), Gemm(a, b))} (and {@code Add(Mul(v, beta), Mul(Gemm(a, b), c))}) becomes
 * {@code Gemm(a, b, v, alpha, beta)}, which ONNX Runtime computes in one pass. Momentum and moment
 * buffers of weight matrices then cost no separate elementwise passes per step. Only rewrites where
 * the intermediate values have no other use.
 */
final class GemmAccumulation {

    private GemmAccumulation() {
    }

    /**
     * @param g a graph (a training step's body)
     * @return the graph with every matching pattern fused
     */
    static Graph fuse(Graph g) {
        Map<Value, Node> producer = new HashMap<>();
        Map<Value, Integer> uses = new HashMap<>();
        for (Node n : g.nodes()) {
            n.outputs().forEach(o -> producer.put(o, n));
            for (Value in : n.inputs()) {
                if (in != null) {
                    uses.merge(in, 1, Integer::sum);
                }
            }
        }
        g.outputs().forEach(o -> uses.merge(o, 1, Integer::sum));
        Set<Node> removed = new HashSet<>();
        Map<Node, Node> replaced = new LinkedHashMap<>();
        for (Node add : g.nodes()) {
            if (!add.opType().equals("Add")) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                Node fused = match(add, side, producer, uses);
                if (fused != null) {
                    replaced.put(add, fused);
                    removed.add(producer.get(add.input(side)));
                    Node gradient = producer.get(add.input(1 - side));
                    removed.add(gradient);
                    if (gradient.opType().equals("Mul")) {
                        removed.add(producer.get(otherOperand(gradient, producer)));
                    }
                    break;
                }
            }
        }
        if (replaced.isEmpty()) {
            return g;
        }
        List<Node> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (replaced.containsKey(n)) {
                nodes.add(replaced.get(n));
            } else if (!removed.contains(n)) {
                nodes.add(n);
            }
        }
        return new Graph(g.name(), g.inputs(), g.outputs(), g.initializers(), nodes);
    }

    /** @return the fused Gemm when input {@code side} of the Add is the decayed state, else null */
    private static Node match(Node add, int side, Map<Value, Node> producer, Map<Value, Integer> uses) {
        Node decay = producer.get(add.input(side));
        Node other = producer.get(add.input(1 - side));
        if (decay == null || other == null || !decay.opType().equals("Mul") || used(add.input(side), uses)
                || used(add.input(1 - side), uses)) {
            return null;
        }
        Double beta = scalarFactor(decay, producer);
        Value state = beta == null ? null : otherOperand(decay, producer);
        if (state == null) {
            return null;
        }
        double alpha = 1;
        Node gemm = other;
        if (other.opType().equals("Mul")) {
            Double c = scalarFactor(other, producer);
            Value g = c == null ? null : otherOperand(other, producer);
            if (g == null || used(g, uses) || producer.get(g) == null) {
                return null;
            }
            alpha = c;
            gemm = producer.get(g);
        }
        if (!gemm.opType().equals("Gemm") || gemm.inputs().size() != 2 || !state.shape().isFullyFixed()
                || !state.shape().sameAs(gemm.output(0).shape())) {
            return null;
        }
        Map<String, Object> attrs = new LinkedHashMap<>(gemm.attributes());
        attrs.put("alpha", alpha * gemm.floatAttr("alpha", 1.0));
        attrs.put("beta", beta);
        return new Node("Gemm", "", gemm.name() + "_accumulate", List.of(gemm.input(0), gemm.input(1), state),
                add.outputs(), attrs);
    }

    private static boolean used(Value v, Map<Value, Integer> uses) {
        return uses.getOrDefault(v, 0) != 1;
    }

    /** @return the value of a scalar Constant operand of a Mul, or null */
    private static Double scalarFactor(Node mul, Map<Value, Node> producer) {
        for (Value in : mul.inputs()) {
            Node p = producer.get(in);
            if (p != null && p.opType().equals("Constant") && p.attributes().get("value") instanceof TensorData t
                    && t.elementCount() == 1 && t.dtype().isFloatingPoint()) {
                return t.toDoubles()[0];
            }
        }
        return null;
    }

    /** @return the operand of a Mul that is not its scalar Constant, or null */
    private static Value otherOperand(Node mul, Map<Value, Node> producer) {
        Value a = mul.input(0);
        Value b = mul.input(1);
        Node pa = producer.get(a);
        boolean aConstant = pa != null && pa.opType().equals("Constant");
        return aConstant ? b : a;
    }
}
