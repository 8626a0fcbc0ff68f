/**
 * Calibration of Tribuo classifiers: {@link org.temper.tribuo.calibration.CalibrationEvaluator}
 * measures every metric of Temper's calibration module (ECE, adaptive ECE, MCE, classwise ECE, RMS
 * calibration error, Brier, NLL, accuracy, mean confidence) in a
 * {@link org.temper.tribuo.calibration.CalibrationEvaluation} that works with Tribuo's
 * EvaluationAggregator and CrossValidation, carries the per-bin table and exports the reliability
 * diagram; {@link org.temper.tribuo.calibration.CalibrationMetrics#ece} is the ECE as a LabelMetric
 * beside Tribuo's accuracy; {@link org.temper.tribuo.calibration.TribuoPredictions} turns Tribuo
 * predictions into the calibration module's input.
 */
package org.temper.tribuo.calibration;
