package org.temper.examples.reproduce;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A mean over seeds with its sample standard deviation (0 for one seed).
 *
 * @param mean the mean
 * @param std the sample standard deviation
 */
public record Stat(double mean, double std) {

    /**
     * @param trials the trials of one configuration
     * @param value what to average
     * @param <T> the trial type
     * @return the mean and standard deviation of the value
     */
    static <T> Stat of(List<T> trials, ToDoubleFunction<T> value) {
        double[] v = trials.stream().mapToDouble(value).toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        return new Stat(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0);
    }
}
