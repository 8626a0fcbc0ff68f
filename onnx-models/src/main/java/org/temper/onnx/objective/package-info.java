/**
 * Training objectives on the logits, each emitting its mean loss and analytic logit gradient:
 * label smoothing (hard targets at alpha 0), confidence penalty (annealed, hinge) and distillation
 * (soft cross-entropy, MSE). Objectives are means of per-example losses ({@link
 * org.temper.onnx.objective.ExampleObjective}), so any of them can be weighted by class with
 * {@link org.temper.onnx.objective.ClassWeighted}.
 */
package org.temper.onnx.objective;
