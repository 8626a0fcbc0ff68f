package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Node;

/** Thrown when a node on the path to a parameter has an operator without a gradient rule. */
public final class UnsupportedOperatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param node the node that cannot be differentiated
     */
    public UnsupportedOperatorException(Node node) {
        super("Operator " + node.opType() + " (node '" + node.name() + "') has no gradient rule, so the network"
                + " cannot be trained through it. Supported operators: " + GradientRegistry.standard().operators()
                + ". Freeze the parameters before that node, or replace the operator.");
    }
}
