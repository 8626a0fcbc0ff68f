package org.temper.calibration.recalibration;

import java.util.Arrays;
import org.temper.calibration.Predictions;

/**
 * Matrix scaling (Guo et al. 2017) with an L2 penalty towards the identity:
 * p = softmax(W z + b), W a K x K matrix and b of length K minimising
 * <pre>
 *   (1/N) sum_i -ln p_{y_i}(z_i)  +  lambda (||W - I||_F^2 + ||b||^2)
 * </pre>
 * so that a large lambda gives back the uncalibrated softmax(z), and lambda = 0 plain matrix
 * scaling. z is the logits as given; given probabilities it is ln max(p, 2^-52), and the map then
 * takes probabilities only. For lambda &gt; 0 the objective is strictly convex; it is solved by
 * L-BFGS from W = I, b = 0 until each component j of its gradient is at most
 * {@value LinearSoftmaxMap#TOLERANCE} max(1, lambda) in size, failing after {@value LinearSoftmaxMap#MAX_ITERATIONS}
 * iterations. As the start has no penalty, the NLL after the fit is at most that before.
 */
public final class MatrixScaling implements Calibrator {

    private final double lambda;

    private MatrixScaling(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("matrix scaling needs a finite penalty lambda >= 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    /**
     * @param lambda the weight of ||W - I||_F^2 + ||b||^2, &gt;= 0 (choose it on held-out data;
     *               0.001 is a mild start)
     * @return matrix scaling with that penalty
     */
    public static MatrixScaling withPenalty(double lambda) {
        return new MatrixScaling(lambda);
    }

    @Override
    public String name() {
        return "matrix scaling (lambda = " + lambda + ")";
    }

    /**
     * {@inheritDoc} Needs at least 2 examples; with lambda = 0 also every class among them
     * (without class k the map would push it down for ever).
     */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        int k = heldOut.classes();
        double[] weights = new double[SoftmaxRegression.parameters(k, false)];
        Arrays.fill(weights, lambda);
        return LinearSoftmaxMap.fit(name(), heldOut, LinearSoftmaxMap.Input.LOGITS, false, weights,
                SoftmaxRegression.identity(k, false));
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, 2);
        if (lambda == 0) {
            Checks.everyClass(name(), labels, classes, "without a penalty the loss has no minimum; use lambda > 0");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
