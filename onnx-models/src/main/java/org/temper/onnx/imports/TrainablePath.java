package org.temper.onnx.imports;

import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where gradients flow in an imported graph: the floating-point initializers with a
 * differentiable path to the logits (the trainable parameters) and the nodes on those paths.
 * Edges into shape and index inputs (Reshape's shape, Gather's indices, Dropout's ratio) and out
 * of Shape carry no gradient; every input of an operator the importer does not know is assumed to.
 */
final class TrainablePath {

    /** Operators whose inputs after the first carry no gradient. */
    private static final Set<String> DATA_FIRST = Set.of("Dropout", "Reshape", "Gather", "Unsqueeze");

    private final List<Value> parameters = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Value> source = new HashMap<>();

    /**
     * @param forward the nodes computing the logits, in topological order
     * @param initializers the imported graph's initializers
     * @param logits the logits value
     */
    TrainablePath(List<Node> forward, Map<Value, TensorData> initializers, Value logits) {
        Set<Value> toLogits = new HashSet<>(Set.of(logits));
        for (int i = forward.size() - 1; i >= 0; i--) {
            Node n = forward.get(i);
            if (n.outputs().stream().anyMatch(toLogits::contains)) {
                toLogits.addAll(gradientInputs(n));
            }
        }
        Map<Value, Value> fromParameter = new HashMap<>();
        initializers.forEach((v, data) -> {
            if (data.dtype().isFloatingPoint() && toLogits.contains(v)) {
                parameters.add(v);
                fromParameter.put(v, v);
            }
        });
        for (Node n : forward) {
            Value p = gradientInputs(n).stream().map(fromParameter::get).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            if (p != null) {
                n.outputs().forEach(o -> fromParameter.put(o, p));
                if (n.outputs().stream().anyMatch(toLogits::contains)) {
                    nodes.add(n);
                    source.put(n, p);
                }
            }
        }
    }

    private static List<Value> gradientInputs(Node n) {
        if (n.opType().equals("Shape")) {
            return List.of();
        }
        List<Value> ins = DATA_FIRST.contains(n.opType()) ? n.inputs().subList(0, 1) : n.inputs();
        return ins.stream().filter(Objects::nonNull).toList();
    }

    /** @return the floating-point initializers with a differentiable path to the logits, in initializer order. */
    List<Value> parameters() {
        return parameters;
    }

    /** @return the nodes on a path from a parameter to the logits, in topological order. */
    List<Node> nodes() {
        return nodes;
    }

    /**
     * @param differentiable the operator types that have gradient rules
     * @param logits the logits, for the message
     * @throws ImportException naming the first node on the path whose operator has no rule
     */
    void requireGradientRules(Set<String> differentiable, Value logits) {
        for (Node n : nodes) {
            if (!differentiable.contains(n.opType())) {
                throw new ImportException("Operator " + n.opType() + " (node '" + n.name() + "') lies on the path"
                        + " from the trainable parameter '" + source.get(n).name() + "' to the logits '"
                        + logits.name() + "', but Temper has no gradient rule for it, so the network cannot be"
                        + " trained. Operators with gradient rules: " + new TreeSet<>(differentiable)
                        + ". Re-export the network without " + n.opType() + ".");
            }
        }
    }
}
