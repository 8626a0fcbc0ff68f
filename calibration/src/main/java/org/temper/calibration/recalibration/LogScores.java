package org.temper.calibration.recalibration;

import org.temper.calibration.Predictions;

/**
 * The scores the linear calibrators work on, as N*K row-major arrays: the logits as given, or
 * the log-probabilities. A probability below {@link #EPSILON} counts as EPSILON before its log is
 * taken (as betacal and dirichletcal clip at numpy's float64 eps), so log p &gt;= -36.04.
 */
final class LogScores {

    /** 2^-52, numpy's {@code finfo(float64).eps}. */
    static final double EPSILON = Math.ulp(1.0);

    private LogScores() {
    }

    /**
     * @param p predictions
     * @return their logits if they have them, else ln max(p_k, EPSILON)
     */
    static double[] logitsOrLogProbabilities(Predictions p) {
        if (!p.hasLogits()) {
            return logProbabilities(p);
        }
        int k = p.classes();
        double[] out = new double[p.size() * k];
        double[] row = new double[k];
        for (int i = 0; i < p.size(); i++) {
            p.logits(i, row);
            System.arraycopy(row, 0, out, i * k, k);
        }
        return out;
    }

    /**
     * @param p predictions, logits (softmax is taken) or probabilities
     * @return ln max(p_k, EPSILON)
     */
    static double[] logProbabilities(Predictions p) {
        int k = p.classes();
        double[] out = new double[p.size() * k];
        double[] row = new double[k];
        for (int i = 0; i < p.size(); i++) {
            p.probabilities(i, row);
            for (int j = 0; j < k; j++) {
                out[i * k + j] = Math.log(Math.max(row[j], EPSILON));
            }
        }
        return out;
    }

    /**
     * @param p predictions
     * @return their labels
     */
    static int[] labels(Predictions p) {
        int[] y = new int[p.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = p.label(i);
        }
        return y;
    }
}
