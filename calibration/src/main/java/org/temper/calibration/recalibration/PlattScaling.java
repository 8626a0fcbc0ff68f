package org.temper.calibration.recalibration;

import java.util.List;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * Platt scaling (Platt 1999): p_1 = sigmoid(a s + b) of the log-odds s = z_1 - z_0 (or
 * log(p_1 / p_0) from probabilities), with (a, b) minimising the cross-entropy against Platt's
 * smoothed targets y+ = (N+ + 1) / (N+ + 2) and y- = 1 / (N- + 2), as scikit-learn's
 * {@code _sigmoid_calibration} does (its A and B are -a and -b).
 *
 * <p>The loss is convex in (a, b); it is minimised by Newton's method from a = 0,
 * b = log((N+ + 1) / (N- + 1)), halving each step until the loss falls enough (Armijo, 1e-4)
 * while the Newton decrement g'H^-1 g exceeds {@value #FULL_STEPS} N, and stopping when it is
 * at most {@value #TOLERANCE} N: the mean loss is then within about half that of its minimum.
 * {@link #binary()} refuses K &gt; 2; {@link #oneVsRest()} fits one sigmoid per class on its
 * one-vs-rest log-odds log(p_k / (1 - p_k)) and renormalises the rows.
 */
public final class PlattScaling implements Calibrator {

    /** Newton decrement per example below which the fit stops. */
    static final double TOLERANCE = 1e-20;
    /** Newton decrement per example below which full Newton steps are taken. */
    static final double FULL_STEPS = 1e-6;
    private static final int MAX_ITERATIONS = 100;

    private final boolean oneVsRest;

    private PlattScaling(boolean oneVsRest) {
        this.oneVsRest = oneVsRest;
    }

    /** @return Platt scaling of two classes; fitting K &gt; 2 classes throws */
    public static PlattScaling binary() {
        return new PlattScaling(false);
    }

    /** @return Platt scaling one-vs-rest for any K (for K = 2 the same as {@link #binary()}) */
    public static PlattScaling oneVsRest() {
        return new PlattScaling(true);
    }

    @Override
    public String name() {
        return oneVsRest ? "Platt scaling (one-vs-rest)" : "Platt scaling";
    }

    /**
     * {@inheritDoc} Needs at least 2 examples, of both classes, whose log-odds are finite and
     * not all equal.
     */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        return OneVsRest.fit(name(), heldOut, OneVsRest.Score.LOG_ODDS, PlattScaling::fitSigmoid);
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        if (!oneVsRest) {
            Checks.twoClasses("Platt scaling", classes, "PlattScaling.oneVsRest()");
        }
        Checks.heldOut(name(), labels, 2);
    }

    /** p = sigmoid(a s + b), with a s taken as 0 when a = 0 (so that s may be infinite). */
    record Sigmoid(double a, double b) implements OneVsRest.ClassMap {
        @Override
        public double apply(double score) {
            return sigmoid(a == 0 ? b : a * score + b);
        }

        @Override
        public Map<String, List<Double>> parameters() {
            return OneVsRest.pair("a", List.of(a), "b", List.of(b));
        }

        @Override
        public String describe() {
            return "a = " + a + ", b = " + b;
        }
    }

    static double sigmoid(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    /** log(1 + e^u), without overflow. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    static Sigmoid fitSigmoid(double[] s, boolean[] positive, int label) {
        int n = s.length;
        int pos = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("Platt scaling needs finite log-odds, but example "
                        + i + " has log-odds " + s[i] + " for class " + label
                        + " (a probability of 0 or 1): give logits instead");
            }
            pos += positive[i] ? 1 : 0;
            min = Math.min(min, s[i]);
            max = Math.max(max, s[i]);
        }
        if (min == max) {
            throw new IllegalArgumentException("Platt scaling cannot fit a slope: every held-out "
                    + "log-odds of class " + label + " is " + min);
        }
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = positive[i] ? (pos + 1.0) / (pos + 2.0) : 1.0 / (n - pos + 2.0);
        }
        double a = 0;
        double b = Math.log((pos + 1.0) / (n - pos + 1.0));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * s[i] + b);
                double d = p - target[i];
                double w = p * (1 - p);
                ga += d * s[i];
                gb += d;
                haa += w * s[i] * s[i];
                hab += w * s[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (!(det > 0)) {
                throw new IllegalStateException("Platt scaling of class " + label + ": the Hessian is "
                        + "singular at a = " + a + ", b = " + b);
            }
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double decrement = -(ga * da + gb * db);
            if (decrement <= TOLERANCE * n) {
                return new Sigmoid(a, b);
            }
            double step = 1;
            if (decrement > FULL_STEPS * n) {
                double loss = loss(s, target, a, b);
                while (!(loss(s, target, a + step * da, b + step * db) <= loss - 1e-4 * step * decrement)) {
                    step /= 2;
                    if (step < 1e-12) {
                        throw new IllegalStateException("Platt scaling of class " + label
                                + ": no step along Newton's direction lowers the loss at a = " + a
                                + ", b = " + b);
                    }
                }
            }
            a += step * da;
            b += step * db;
        }
        throw new IllegalStateException("Platt scaling of class " + label + " did not converge in "
                + MAX_ITERATIONS + " Newton steps");
    }

    private static double loss(double[] s, double[] target, double a, double b) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            double u = a * s[i] + b;
            sum += target[i] * softplus(-u) + (1 - target[i]) * softplus(u);
        }
        return sum;
    }

    @Override
    public String toString() {
        return name();
    }
}
