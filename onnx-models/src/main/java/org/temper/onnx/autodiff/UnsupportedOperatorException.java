package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Node;

import java.util.Set;

/** Thrown when a node on the path to a parameter has an operator without a gradient rule. */
public final class UnsupportedOperatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param node the node that cannot be differentiated
     * @param supported the operators of the registry that was asked, for the message
     */
    public UnsupportedOperatorException(Node node, Set<String> supported) {
        super("Operator " + node.opType() + " (node '" + node.name() + "') has no gradient rule, so the network"
                + " cannot be trained through it. Supported operators: " + supported
                + ". Freeze the parameters before that node, replace the operator, or register a rule for it in a"
                + " copy of GradientRegistry.standard().");
    }
}
