package org.temper.onnx.objective;

import org.temper.onnx.graph.Value;

/**
 * The values an objective adds to the training step.
 * @param loss scalar mean loss over the batch
 * @param logitGradient [B, K] gradient of that mean loss with respect to the logits
 */
public record ObjectiveGraph(Value loss, Value logitGradient) {
}
