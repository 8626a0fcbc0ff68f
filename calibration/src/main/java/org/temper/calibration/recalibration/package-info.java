/**
 * Post-hoc recalibration: a {@link org.temper.calibration.recalibration.Calibrator} is fitted on
 * held-out {@link org.temper.calibration.Predictions} and gives an immutable
 * {@link org.temper.calibration.recalibration.CalibrationMap} that turns new logits or
 * probabilities of the same K classes into calibrated probabilities (K columns, rows summing
 * to 1).
 *
 * <p>Methods, each deterministic (definitions in {@code docs/recalibration.md}):
 * <ul>
 *   <li>{@link org.temper.calibration.recalibration.PlattScaling}: a sigmoid of the log-odds,
 *       fitted with Platt's smoothed targets by Newton's method; one-vs-rest for K &gt; 2;</li>
 *   <li>{@link org.temper.calibration.recalibration.IsotonicCalibration}: pool adjacent
 *       violators on the class probabilities, interpolated linearly and clipped, one-vs-rest;</li>
 *   <li>{@link org.temper.calibration.recalibration.HistogramBinning}: the mean label of
 *       equal-width or equal-mass bins, one-vs-rest;</li>
 *   <li>{@link org.temper.calibration.recalibration.TemperatureCalibrator}: temperature scaling
 *       ({@link org.temper.calibration.temperature.TemperatureScaling}) behind the same
 *       interface;</li>
 *   <li>{@link org.temper.calibration.recalibration.VectorScaling},
 *       {@link org.temper.calibration.recalibration.MatrixScaling} (L2 towards the identity) and
 *       {@link org.temper.calibration.recalibration.DirichletCalibration} (ODIR): softmax of a
 *       linear map of the logits or log-probabilities, fitted by L-BFGS to a stated gradient;</li>
 *   <li>{@link org.temper.calibration.recalibration.EnsembleTemperatureScaling}: a mixture of the
 *       tempered, untempered and uniform probabilities, weights by nested bisection;</li>
 *   <li>{@link org.temper.calibration.recalibration.BetaCalibration}: a logistic regression on
 *       (ln p, -ln(1 - p)) with betacal's sign rule, binary or one-vs-rest.</li>
 * </ul>
 * Methods that need logits and are given probabilities use ln p instead, and their
 * {@code describe()} says so. One-vs-rest maps fit one map per class on the indicator y = k and divide each row by its sum
 * (a row of zeros becomes uniform); for K = 2 only class 1 is fitted and p_0 = 1 - p_1, as
 * scikit-learn's {@code CalibratedClassifierCV} does.
 */
package org.temper.calibration.recalibration;
