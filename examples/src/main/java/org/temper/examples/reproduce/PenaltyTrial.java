package org.temper.examples.reproduce;

import org.temper.onnx.fit.EpochReport;

import java.util.List;

/**
 * One finished trial of the penalty experiment: a network trained with one configuration and one
 * seed, measured on the test set. Stored as JSON so that a rerun reads it back.
 *
 * @param configuration the objective
 * @param seed the recipe's seed
 * @param seconds wall-clock seconds of training and measuring
 * @param test the test figures
 * @param history one report per epoch
 * @param testLogits the test logits and labels
 */
public record PenaltyTrial(PenaltyConfiguration configuration, long seed, double seconds, Measurement test,
                           List<EpochReport> history, StoredLogits testLogits) implements Measured {

    /** Copies the history. */
    public PenaltyTrial {
        history = List.copyOf(history);
    }

    /**
     * @param configuration the objective
     * @param seed its seed
     * @param trained the trained network's predictions
     * @return the trial
     */
    static PenaltyTrial of(PenaltyConfiguration configuration, long seed, TrialRunner.Trained trained) {
        return new PenaltyTrial(configuration, seed, trained.seconds(), Measurement.of(trained.test()),
                trained.fit().history(), trained.storedTest());
    }
}
