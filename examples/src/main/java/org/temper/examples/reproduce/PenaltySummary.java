package org.temper.examples.reproduce;

import java.util.List;

/**
 * One configuration of the penalty experiment over its seeds.
 *
 * @param configuration the objective
 * @param seeds how many seeds were averaged
 * @param test the test figures, mean ± sd over seeds
 * @param optimumConfidence the confidence at which one training example's loss is smallest
 *        ({@link PenaltyConfiguration#optimumConfidence})
 */
public record PenaltySummary(PenaltyConfiguration configuration, int seeds, MeasurementStats test,
                             double optimumConfidence) {

    /**
     * @param configuration the objective
     * @param trials its trials, one per seed
     * @param classes K
     * @return the summary
     */
    static PenaltySummary of(PenaltyConfiguration configuration, List<PenaltyTrial> trials, int classes) {
        return new PenaltySummary(configuration, trials.size(), MeasurementStats.of(trials, PenaltyTrial::test),
                configuration.optimumConfidence(classes));
    }
}
