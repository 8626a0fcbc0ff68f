package org.temper.onnx.zoo;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

import java.util.List;
import java.util.Map;

/**
 * A classifier network written as a forward graph over its parameters. The same forward pass
 * serves the training step (parameters are loop-carried values, dropout active) and the
 * inference model (parameters are initializers, dropout absent).
 */
public interface Network {

    /** @return the shape of one example, e.g. [784] or [1, 28, 28]. */
    long[] exampleShape();

    /** @return the number of classes K (the width of the logits). */
    int numClasses();

    /** @return the trainable parameters with their initial values, in a fixed order. */
    List<Parameter> parameters();

    /**
     * Emits the forward pass.
     * @param b the builder
     * @param input [B, exampleShape...] float input
     * @param params the value of each parameter by name
     * @param training true inside the training step (dropout active)
     * @return the logits and the penultimate activations
     */
    Forward forward(GraphBuilder b, Value input, Map<String, Value> params, boolean training);

    /** @return a short description of the architecture, recorded in model metadata. */
    String describe();

    /**
     * The outputs of a forward pass.
     * @param logits [B, K]
     * @param penultimate [B, H] activations feeding the final layer, or null when unknown
     */
    record Forward(Value logits, Value penultimate) {
    }
}
