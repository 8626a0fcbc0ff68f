package org.temper.onnx.imports;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.List;
import java.util.Map;

/**
 * The part of an imported graph that computes the logits (and the penultimate value), with the
 * imported values that the input, the parameters and the constants stand for.
 * @param input the imported input value
 * @param logits the imported logits value
 * @param penultimate the imported penultimate value, or null
 * @param parameters the imported parameter value of each parameter name
 * @param constants the constant contents of non-trainable initializers and Constant outputs
 * @param nodes the nodes that compute logits and penultimate, in topological order
 */
record ImportedGraph(Value input, Value logits, Value penultimate, Map<String, Value> parameters,
                     Map<Value, TensorData> constants, List<Node> nodes) {

    /**
     * Replays the nodes into a builder.
     * @param b the builder
     * @param x the value standing for the input
     * @param params the value standing for each parameter, by name
     * @param training whether Dropout is active
     * @return the replay, which maps every imported value to the builder's
     */
    Replay replay(GraphBuilder b, Value x, Map<String, Value> params, boolean training) {
        Replay r = new Replay(b, training, constants);
        r.bind(input, x);
        parameters.forEach((name, v) -> r.bind(v, params.get(name)));
        for (int i = 0; i < nodes.size(); i++) {
            r.node(nodes.get(i), i);
        }
        return r;
    }
}
