package org.temper.weka;

import org.temper.onnx.objective.Annealing;

/** How the confidence penalty's weight grows over training, as a Weka user chooses it. */
public enum AnnealingChoice {
    /** Full weight from the first step. */
    CONSTANT,
    /** From 0 at the first step linearly to full weight at the last. */
    LINEAR,
    /** From 0 to full weight, rising early (rate 5). */
    EXPONENTIAL;

    /** @return the annealing */
    public Annealing create() {
        return switch (this) {
            case CONSTANT -> Annealing.constant();
            case LINEAR -> Annealing.linear();
            case EXPONENTIAL -> Annealing.exponential(5);
        };
    }
}
