/**
 * Reverse-mode differentiation: the {@link org.temper.onnx.autodiff.Differentiator} walks forward
 * nodes backwards and asks the {@link org.temper.onnx.autodiff.GradientRegistry} for each
 * operator's rule, in the manner of ONNX Runtime's gradient builders and JAX's transpose rules.
 */
package org.temper.onnx.autodiff;
