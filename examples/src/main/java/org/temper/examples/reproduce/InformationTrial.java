package org.temper.examples.reproduce;

import org.temper.onnx.fit.EpochReport;

import java.util.List;

/**
 * One finished configuration of the information experiment: a teacher trained with one alpha and one
 * seed, its test figures, and the mutual-information estimate after each of its epochs. Stored as
 * JSON so that a rerun reads it back.
 *
 * @param alpha label smoothing's strength (0 = hard targets)
 * @param seed the recipe's seed
 * @param seconds wall-clock seconds of training, probing and measuring
 * @param test the test figures
 * @param history one report per epoch
 * @param information the estimate after each epoch
 */
public record InformationTrial(double alpha, long seed, double seconds, Measurement test, List<EpochReport> history,
                               List<InformationProbe.Epoch> information) implements Measured {

    /** Copies the lists. */
    public InformationTrial {
        history = List.copyOf(history);
        information = List.copyOf(information);
    }
}
