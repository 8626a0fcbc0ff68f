package org.temper.calibration.recalibration;

import java.util.List;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * A fitted recalibration: maps predictions of K classes to calibrated probabilities, K to a row,
 * each row non-negative and summing to 1 (up to rounding). Immutable; made by
 * {@link Calibrator#fit}.
 */
public interface CalibrationMap {

    /** @return K, the number of classes it was fitted on and accepts */
    int classes();

    /**
     * Calibrates predictions; their labels are not used.
     * @param predictions logits or probabilities of {@link #classes()} classes
     * @return N*K calibrated probabilities, row-major
     * @throws IllegalArgumentException if the predictions have another number of classes
     */
    double[] probabilities(Predictions predictions);

    /** @return a one-line summary: the method and its fitted parameters */
    String describe();

    /**
     * @return the fitted parameters by name (a slope and intercept per class, thresholds, bin
     *         edges and values, a temperature), in a stable order; unmodifiable
     */
    Map<String, List<Double>> parameters();

    /**
     * Calibrates predictions, keeping their labels, so that they can be measured.
     * @param predictions logits or probabilities of {@link #classes()} classes
     * @return the calibrated probabilities with the same labels
     */
    default Predictions apply(Predictions predictions) {
        int[] labels = new int[predictions.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = predictions.label(i);
        }
        return Predictions.fromProbabilities(probabilities(predictions), labels, classes());
    }

    /**
     * Calibrates unlabelled logits.
     * @param logits N*K finite logits, row-major
     * @return N*K calibrated probabilities
     */
    default double[] calibrateLogits(double[] logits) {
        return probabilities(Predictions.fromLogits(logits, new int[logits.length / classes()], classes()));
    }

    /**
     * Calibrates unlabelled probabilities.
     * @param probabilities N*K probabilities, row-major, rows summing to 1
     * @return N*K calibrated probabilities
     */
    default double[] calibrateProbabilities(double[] probabilities) {
        return probabilities(Predictions.fromProbabilities(probabilities,
                new int[probabilities.length / classes()], classes()));
    }
}
