/**
 * Trained models and the one way to run them: the inference graphs (input standardisation, forward
 * pass, logits, probabilities, penultimate activations), trained networks, model files read and
 * written safely, the thread-safe {@link org.temper.onnx.model.ModelSession}, and the one rule that
 * turns a distillation teacher into logits ({@link org.temper.onnx.model.TeacherLogits}).
 */
package org.temper.onnx.model;
