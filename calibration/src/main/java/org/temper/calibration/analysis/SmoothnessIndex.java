package org.temper.calibration.analysis;

import org.temper.calibration.Predictions;

/**
 * The smoothness index gamma of a teacher's outputs at temperature T (Mueller et al.):
 * gamma = mean over examples of sum_k (1 - y_k) p^T_k * K / (K - 1), i.e. the probability mass
 * off the true label, rescaled so that a label-smoothed target with strength a gives exactly a.
 * A hard-target teacher at T = 1 gives nearly 0; uniform outputs give 1.
 */
public final class SmoothnessIndex {

    private SmoothnessIndex() {
    }

    /**
     * @param teacher the teacher's outputs on the training set, with its labels
     * @param temperature T &gt; 0; any T other than 1 needs logits
     * @return gamma
     */
    public static double of(Predictions teacher, double temperature) {
        Predictions scaled = temperature == 1 ? teacher : teacher.withTemperature(temperature);
        int classes = scaled.classes();
        double[] row = new double[classes];
        double offLabel = 0;
        for (int i = 0; i < scaled.size(); i++) {
            scaled.probabilities(i, row);
            for (int k = 0; k < classes; k++) {
                if (k != scaled.label(i)) {
                    offLabel += row[k];
                }
            }
        }
        return offLabel / scaled.size() * classes / (classes - 1);
    }
}
