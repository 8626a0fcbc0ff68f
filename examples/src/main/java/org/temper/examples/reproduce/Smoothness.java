package org.temper.examples.reproduce;

/**
 * A teacher's smoothness index at one temperature ({@link org.temper.calibration.analysis.SmoothnessIndex}).
 *
 * @param temperature T the teacher's training-set logits are divided by
 * @param gamma the mean probability mass off the true label, times K / (K - 1)
 */
public record Smoothness(double temperature, double gamma) {
}
