/**
 * Temperature scaling (Guo et al. 2017): one T &gt; 0 fitted on held-out logits so that
 * softmax(z / T) is calibrated; accuracy is unchanged because dividing by T keeps the arg max.
 *
 * <p>{@link org.temper.calibration.temperature.TemperatureScaling#byNll()} minimises the NLL,
 * which is convex in 1/T, by a bracketed Newton search;
 * {@link org.temper.calibration.temperature.TemperatureScaling#byEce()} picks the T of least
 * equal-width ECE on a grid, as the replication did. Both need logits: probabilities are refused
 * unless converted by {@link org.temper.calibration.Predictions#logitsFromLogProbabilities()}.
 */
package org.temper.calibration.temperature;
