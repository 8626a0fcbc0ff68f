package org.temper.onnx.objective;

import org.temper.onnx.graph.Value;

/**
 * What an objective reads in the training step.
 * @param logits [B, K] network outputs
 * @param labels [B] int64 class indices
 * @param teacherLogits [B, K] teacher outputs, or null when the objective needs none
 * @param stepWeight scalar weight of this step (see {@link Objective#stepWeight}), same dtype as the logits
 * @param numClasses K
 */
public record ObjectiveInputs(Value logits, Value labels, Value teacherLogits, Value stepWeight, int numClasses) {
}
