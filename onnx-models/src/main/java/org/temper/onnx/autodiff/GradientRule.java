package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.List;

/**
 * The backward rule of one operator type: given the gradients flowing into a node's outputs, it
 * emits the nodes that compute the gradients of the node's inputs.
 */
@FunctionalInterface
public interface GradientRule {

    /**
     * @param ctx the builder and helpers such as broadcast reduction
     * @param node the forward node
     * @param outputGrads the gradient of each output, null where none flows
     * @return the gradient of each input in order, null where an input needs none (or has none)
     */
    List<Value> backward(GradientContext ctx, Node node, List<Value> outputGrads);
}
