package org.temper.tribuo;

import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a row of logits into a Tribuo prediction carrying the whole probability distribution. */
final class LabelPredictions {

    private LabelPredictions() {
    }

    /**
     * Softmax of a row, in place and in double precision; -infinity stays probability 0.
     * @param row logits (or log-probabilities), overwritten by probabilities
     */
    static void softmaxInPlace(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < row.length; k++) {
            row[k] = Math.exp(row[k] - max);
            sum += row[k];
        }
        for (int k = 0; k < row.length; k++) {
            row[k] /= sum;
        }
    }

    /**
     * @param probabilities one probability per output id
     * @param outputs the model's output domain
     * @param example the example predicted
     * @param numUsed how many of its features the model knows
     * @return the prediction: the most probable label (lowest id on ties) and every label's probability
     */
    static Prediction<Label> of(double[] probabilities, ImmutableOutputInfo<Label> outputs, Example<Label> example,
                                int numUsed) {
        Map<String, Label> scores = new LinkedHashMap<>();
        Label best = null;
        for (int k = 0; k < probabilities.length; k++) {
            Label label = new Label(outputs.getOutput(k).getLabel(), probabilities[k]);
            scores.put(label.getLabel(), label);
            if (best == null || probabilities[k] > best.getScore()) {
                best = label;
            }
        }
        return new Prediction<>(best, scores, numUsed, example, true);
    }
}
