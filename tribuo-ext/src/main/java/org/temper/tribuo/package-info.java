/**
 * Temper for Tribuo: trainers for label smoothing ({@link org.temper.tribuo.LabelSmoothingTrainer}),
 * the confidence penalty ({@link org.temper.tribuo.ConfidencePenaltyTrainer}) and knowledge
 * distillation ({@link org.temper.tribuo.DistillationTrainer}) sharing their network and
 * optimisation settings ({@link org.temper.tribuo.NetworkSettings}); the network model they
 * produce ({@link org.temper.tribuo.NetworkModel}); and temperature scaling of any probabilistic
 * model ({@link org.temper.tribuo.TemperatureScaledModel}). Networks are ONNX graphs trained by
 * Temper's engine in ONNX Runtime.
 */
package org.temper.tribuo;
