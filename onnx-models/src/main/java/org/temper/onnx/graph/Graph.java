package org.temper.onnx.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable ONNX graph: inputs, outputs, initializers and nodes in topological order.
 * Subgraphs (Loop bodies) may read values of enclosing graphs by name.
 * @param name the graph name
 * @param inputs the declared inputs
 * @param outputs the declared outputs
 * @param initializers constant tensors by value, stored in the model
 * @param nodes the nodes, each after the producers of its inputs
 */
public record Graph(String name, List<Value> inputs, List<Value> outputs, Map<Value, TensorData> initializers,
                    List<Node> nodes) {

    /**
     * Copies the collections.
     * @param name the graph name
     * @param inputs the declared inputs
     * @param outputs the declared outputs
     * @param initializers constant tensors by value, stored in the model
     * @param nodes the nodes, each after the producers of its inputs
     */
    public Graph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        initializers = Collections.unmodifiableMap(new LinkedHashMap<>(initializers));
        nodes = List.copyOf(nodes);
    }

    /**
     * @param name a value name
     * @return the declared input, output, initializer or node output of that name, or null
     */
    public Value findValue(String name) {
        for (Value v : inputs) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        for (Value v : initializers.keySet()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        for (Node n : nodes) {
            for (Value v : n.outputs()) {
                if (v.name().equals(name)) {
                    return v;
                }
            }
        }
        return null;
    }
}
