/**
 * Optimizers as graph updates (SGD with momentum, dampening, Nesterov and weight decay; Adam and
 * AdamW; global-norm gradient clipping) and learning-rate schedules computed in Java.
 */
package org.temper.onnx.optim;
