/**
 * Temper for Tribuo: trainers for label smoothing ({@link org.temper.tribuo.LabelSmoothingTrainer}),
 * the confidence penalty ({@link org.temper.tribuo.ConfidencePenaltyTrainer}) and knowledge
 * distillation ({@link org.temper.tribuo.DistillationTrainer}) sharing their network and
 * optimisation settings ({@link org.temper.tribuo.NetworkSettings}); the network model they
 * produce ({@link org.temper.tribuo.NetworkModel}); and recalibration of any probabilistic model,
 * fitted on held-out data ({@link org.temper.tribuo.CalibratedModel}) or cross-fitted by a trainer
 * ({@link org.temper.tribuo.CalibratedTrainer}). Networks are ONNX graphs trained by Temper's
 * engine in ONNX Runtime.
 */
package org.temper.tribuo;
