package org.temper.tribuo.calibration;

import org.temper.calibration.Predictions;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;

/** Turns Tribuo's label predictions into the calibration module's {@link Predictions}. */
public final class TribuoPredictions {

    private TribuoPredictions() {
    }

    /**
     * @param predictions predictions carrying every label's probability, with their true labels in the examples
     * @param outputs the model's label domain, fixing the class order
     * @return the probabilities (columns in output-id order) and true labels
     * @throws IllegalArgumentException when the predictions are not probabilities or a true label is unknown to the model
     */
    public static Predictions of(List<Prediction<Label>> predictions, ImmutableOutputInfo<Label> outputs) {
        int[] labels = new int[predictions.size()];
        for (int i = 0; i < predictions.size(); i++) {
            Label truth = predictions.get(i).getExample().getOutput();
            labels[i] = outputs.getID(truth);
            if (labels[i] < 0) {
                throw new IllegalArgumentException("Example " + i + " has the label '" + truth.getLabel()
                        + "', which the model does not know: evaluate on data of the model's classes "
                        + outputs.getDomain());
            }
        }
        return Predictions.fromProbabilities(probabilities(predictions, outputs), labels, outputs.size());
    }

    /**
     * @param predictions predictions carrying every label's probability
     * @param outputs the label domain fixing the column order; a label a prediction lacks has probability 0
     * @return N*K probabilities, row-major, columns in output-id order
     * @throws IllegalArgumentException when a prediction holds scores rather than probabilities
     */
    public static double[] probabilities(List<Prediction<Label>> predictions, ImmutableOutputInfo<Label> outputs) {
        int k = outputs.size();
        double[] probabilities = new double[predictions.size() * k];
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Label> p = predictions.get(i);
            if (!p.hasProbabilities()) {
                throw new IllegalArgumentException("Prediction " + i + " holds scores, not probabilities: calibration"
                        + " needs a model that generates probabilities");
            }
            for (int c = 0; c < k; c++) {
                Label score = p.getOutputScores().get(outputs.getOutput(c).getLabel());
                probabilities[i * k + c] = score == null ? 0 : score.getScore();
            }
        }
        return probabilities;
    }
}
