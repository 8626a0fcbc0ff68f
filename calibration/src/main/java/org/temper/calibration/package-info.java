/**
 * Calibration measurement that knows nothing of ONNX, Tribuo or Weka: arrays of logits or
 * probabilities and labels in, immutable results out.
 *
 * <p>The entry point is {@link org.temper.calibration.CalibrationReport#of}: build the input
 * with {@link org.temper.calibration.Predictions#fromLogits},
 * {@link org.temper.calibration.Predictions#fromProbabilities} or
 * {@link org.temper.calibration.Predictions#binary}, choose bins, metrics and bootstrap in a
 * {@link org.temper.calibration.CalibrationSettings}, and read every {@link
 * org.temper.calibration.Metric}, its bootstrap {@link org.temper.calibration.Interval} and the
 * {@link org.temper.calibration.BinTable} behind each binned metric from the report.
 * {@link org.temper.calibration.TextTables} prints reports for people.
 *
 * <p>Definitions, where libraries disagree (see the module README):
 * <ul>
 *   <li>confidence is the largest class probability, the prediction its class, ties going to the
 *       lowest class index;</li>
 *   <li>equal-width bin {@code b} of {@code B} holds confidences in {@code [b/B, (b+1)/B)}, with
 *       a confidence of exactly 1.0 in the last bin (the replication's rule; edges are the
 *       doubles {@code b / (double) B});</li>
 *   <li>adaptive ECE uses equal-mass bins over the examples sorted by confidence; it is not
 *       netcal's "ACE" (an average over bins) nor Nixon et al.'s class-averaged ACE;</li>
 *   <li>Brier score sums over all K classes and is not divided by K; NLL uses the natural
 *       logarithm.</li>
 * </ul>
 */
package org.temper.calibration;
