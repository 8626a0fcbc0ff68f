package org.temper.calibration.recalibration;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * A fitted softmax(W x + b): vector scaling (W diagonal, x the logits), matrix scaling (W full,
 * x the logits) or Dirichlet calibration (W full, x the log-probabilities). Immutable.
 */
final class LinearSoftmaxMap implements CalibrationMap {

    /**
     * A fit stops when each component j of the mean penalised loss's gradient is at most
     * TOLERANCE max(1, c_j) in size, c_j the parameter's penalty weight.
     */
    static final double TOLERANCE = 1e-9;
    /** L-BFGS iterations before a fit is declared not to converge. */
    static final int MAX_ITERATIONS = 5000;

    /** What x is. */
    enum Input {
        /** The logits as given; probabilities are replaced by ln max(p, 2^-52). */
        LOGITS,
        /** ln max(p_k, 2^-52), p from softmax of logits or as given. */
        LOG_PROBABILITIES
    }

    private final String name;
    private final int classes;
    private final Input input;
    private final boolean diagonal;
    private final double[] theta;
    /** With {@link Input#LOGITS}: whether it was fitted on logits (true) or log-probabilities. */
    private final boolean fittedOnLogits;

    private LinearSoftmaxMap(String name, int classes, Input input, boolean diagonal, double[] theta,
                             boolean fittedOnLogits) {
        this.name = name;
        this.classes = classes;
        this.input = input;
        this.diagonal = diagonal;
        this.theta = theta;
        this.fittedOnLogits = fittedOnLogits;
    }

    /**
     * Fits W and b by L-BFGS from W = I, b = 0 until |gradient_j| &lt;= {@value #TOLERANCE} max(1, c_j).
     * @param name the method, for messages and descriptions
     * @param heldOut the fitting data
     * @param input what x is
     * @param diagonal whether W is diagonal
     * @param weights the penalty weight of each parameter (layout of {@link SoftmaxRegression})
     * @param centre what the penalty pulls each parameter towards
     * @return the fitted map; for a diagonal W without penalty on b, b is shifted to mean 0
     *         (softmax is unchanged by a common shift, which the loss cannot fix)
     */
    static LinearSoftmaxMap fit(String name, Predictions heldOut, Input input, boolean diagonal,
                                double[] weights, double[] centre) {
        int k = heldOut.classes();
        double[] x = input == Input.LOGITS ? LogScores.logitsOrLogProbabilities(heldOut)
                : LogScores.logProbabilities(heldOut);
        SoftmaxRegression objective = new SoftmaxRegression(x, LogScores.labels(heldOut), k, diagonal, weights, centre);
        double[] tolerance = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            tolerance[j] = TOLERANCE * Math.max(1, weights[j]);
        }
        double[] theta = Lbfgs.minimise(name, objective, SoftmaxRegression.identity(k, diagonal), tolerance,
                MAX_ITERATIONS);
        int bias = diagonal ? k : k * k;
        boolean biasFree = true;
        for (int j = 0; j < k; j++) {
            biasFree &= weights[bias + j] == 0;
        }
        if (diagonal && biasFree) {
            double mean = 0;
            for (int j = 0; j < k; j++) {
                mean += theta[bias + j] / k;
            }
            for (int j = 0; j < k; j++) {
                theta[bias + j] -= mean;
            }
        }
        return new LinearSoftmaxMap(name, k, input, diagonal, theta, heldOut.hasLogits());
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public double[] probabilities(Predictions predictions) {
        Checks.classes(classes, predictions);
        double[] x;
        if (input == Input.LOGITS) {
            if (predictions.hasLogits() != fittedOnLogits) {
                throw new IllegalArgumentException(name + " was fitted on " + (fittedOnLogits ? "logits" : "probabilities")
                        + " but is given " + (fittedOnLogits ? "probabilities" : "logits") + ": its map of "
                        + "logits is not one of log-probabilities, so give it the same kind as when fitting");
            }
            x = LogScores.logitsOrLogProbabilities(predictions);
        } else {
            x = LogScores.logProbabilities(predictions);
        }
        int n = predictions.size();
        double[] out = new double[n * classes];
        double[] u = new double[classes];
        for (int i = 0; i < n; i++) {
            SoftmaxRegression.linear(theta, classes, diagonal, x, i, u);
            SoftmaxRegression.softmaxInPlace(u);
            System.arraycopy(u, 0, out, i * classes, classes);
        }
        return out;
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder(name).append(" (").append(classes).append(" classes, on ")
                .append(input == Input.LOG_PROBABILITIES ? "log-probabilities"
                        : fittedOnLogits ? "logits" : "log-probabilities, as probabilities were given")
                .append("): ");
        List<Double> b = parameters().get("b");
        if (diagonal) {
            text.append("w = ").append(parameters().get("w"));
        } else {
            double[] diag = new double[classes];
            double off = 0;
            for (int r = 0; r < classes; r++) {
                for (int c = 0; c < classes; c++) {
                    if (r == c) {
                        diag[r] = theta[r * classes + c];
                    } else {
                        off = Math.max(off, Math.abs(theta[r * classes + c]));
                    }
                }
            }
            text.append("diagonal of W = ").append(Arrays.toString(diag))
                    .append(String.format(Locale.ROOT, ", largest |off-diagonal| = %.6g", off));
        }
        return text.append(", b = ").append(b).toString();
    }

    @Override
    public Map<String, List<Double>> parameters() {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        int bias = diagonal ? classes : classes * classes;
        map.put(diagonal ? "w" : "W", OneVsRest.list(Arrays.copyOfRange(theta, 0, bias)));
        map.put("b", OneVsRest.list(Arrays.copyOfRange(theta, bias, theta.length)));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return describe();
    }
}
