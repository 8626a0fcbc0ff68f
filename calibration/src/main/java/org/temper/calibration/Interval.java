package org.temper.calibration;

/**
 * A bootstrap percentile confidence interval of one metric.
 *
 * @param lower the (1 - level) / 2 quantile of the resampled values
 * @param upper the (1 + level) / 2 quantile of the resampled values
 * @param level the coverage, e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {
}
