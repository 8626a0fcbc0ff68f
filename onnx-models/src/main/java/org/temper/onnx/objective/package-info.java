/**
 * Training objectives on the logits, each emitting its mean loss and analytic logit gradient:
 * label smoothing (hard targets at alpha 0), confidence penalty and distillation.
 */
package org.temper.onnx.objective;
