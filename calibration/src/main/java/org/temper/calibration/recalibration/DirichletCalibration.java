package org.temper.calibration.recalibration;

import org.temper.calibration.Predictions;

/**
 * Dirichlet calibration (Kull et al. 2019) with their ODIR regulariser: p = softmax(W x + b) of
 * the log-probabilities x_k = ln max(p_k, 2^-52) (p = softmax of the logits, or the probabilities
 * as given, so a map fitted on either takes either), W a K x K matrix and b of length K
 * minimising
 * <pre>
 *   (1/N) sum_i -ln p_{y_i}  +  lambda / (K (K - 1)) sum_{j != k} W_jk^2  +  mu / K sum_k b_k^2
 * </pre>
 * (off-diagonal and intercept regularisation: the diagonal of W is free). A large lambda and mu
 * therefore give a diagonal W and b = 0, that is p_k proportional to p_k^{W_kk}, not the
 * identity. Convex; solved by L-BFGS from W = I, b = 0 (the identity on log-probabilities)
 * until each component j of the gradient is at most {@value LinearSoftmaxMap#TOLERANCE} max(1, c_j)
 * in size, c_j that parameter's penalty weight,
 * failing after {@value LinearSoftmaxMap#MAX_ITERATIONS} iterations. As the start has no penalty,
 * the NLL after the fit is at most that of softmax(x).
 */
public final class DirichletCalibration implements Calibrator {

    /** Probabilities below this count as it before their log is taken: x = ln max(p, PROBABILITY_FLOOR). */
    public static final double PROBABILITY_FLOOR = LogScores.EPSILON;

    private final double lambda;
    private final double mu;

    private DirichletCalibration(double lambda, double mu) {
        if (!(lambda >= 0 && mu >= 0) || Double.isInfinite(lambda) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("Dirichlet calibration needs finite lambda >= 0 and mu >= 0, got "
                    + lambda + " and " + mu);
        }
        this.lambda = lambda;
        this.mu = mu;
    }

    /**
     * @param lambda weight of the off-diagonal penalty, &gt;= 0
     * @param mu weight of the intercept penalty, &gt;= 0 (Kull et al. choose both by
     *           cross-validation; 0.001 each is a mild start)
     * @return Dirichlet calibration with ODIR
     */
    public static DirichletCalibration odir(double lambda, double mu) {
        return new DirichletCalibration(lambda, mu);
    }

    @Override
    public String name() {
        return "Dirichlet calibration (ODIR, lambda = " + lambda + ", mu = " + mu + ")";
    }

    /**
     * {@inheritDoc} Needs at least 2 examples and every class among them (the free diagonal
     * would otherwise push the missing class down for ever).
     */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        int k = heldOut.classes();
        double[] weights = new double[SoftmaxRegression.parameters(k, false)];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                weights[r * k + c] = r == c ? 0 : lambda / (k * (k - 1.0));
            }
            weights[k * k + r] = mu / k;
        }
        return LinearSoftmaxMap.fit(name(), heldOut, LinearSoftmaxMap.Input.LOG_PROBABILITIES, false, weights,
                new double[weights.length]);
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, 2);
        Checks.everyClass(name(), labels, classes, "the free diagonal of W would push it down without end");
    }

    @Override
    public String toString() {
        return name();
    }
}
