package org.temper.examples.reproduce;

import java.util.List;
import java.util.function.Function;

/**
 * Every figure of a {@link Measurement} as a mean over seeds with its standard deviation.
 *
 * @param accuracy the fraction predicted right
 * @param ece the expected calibration error
 * @param nll mean -log p_y
 * @param meanConfidence mean largest probability
 * @param meanEntropy mean entropy of the predictions, in nats
 */
public record MeasurementStats(Stat accuracy, Stat ece, Stat nll, Stat meanConfidence, Stat meanEntropy) {

    /**
     * @param trials the trials of one configuration
     * @param measurement the measurement of each to average
     * @param <T> the trial type
     * @return the means and standard deviations
     */
    static <T> MeasurementStats of(List<T> trials, Function<T, Measurement> measurement) {
        List<Measurement> m = trials.stream().map(measurement).toList();
        return new MeasurementStats(Stat.of(m, Measurement::accuracy), Stat.of(m, Measurement::ece),
                Stat.of(m, Measurement::nll), Stat.of(m, Measurement::meanConfidence),
                Stat.of(m, Measurement::meanEntropy));
    }
}
