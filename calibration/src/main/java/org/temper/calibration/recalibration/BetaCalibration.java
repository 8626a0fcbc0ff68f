package org.temper.calibration.recalibration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * Beta calibration (Kull, Silva Filho and Flach 2017), the three-parameter version, as their
 * {@code betacal} package fits it: with s = p_1 clipped to [2^-52, 1 - 2^-52],
 * p = sigmoid(a ln s - b ln(1 - s) + c), (a, b, c) the unpenalised logistic regression of y on the
 * features (ln s, -ln(1 - s)).
 *
 * <p><b>Constraint handling</b> (betacal's): the map is monotone only if a, b &gt;= 0. If the fit
 * gives a &lt; 0, it is redone on -ln(1 - s) alone with a = 0; otherwise, if b &lt; 0, on ln s alone
 * with b = 0. (The one refit keeps whatever sign its coefficient takes, as betacal does.)
 *
 * <p>The mean log-loss is convex; it is solved by L-BFGS from a = b = 1, c = 0 (the identity
 * map: ln s - ln(1 - s) is the log-odds), or a = 0 / b = 0 for a refit, until every component of
 * the gradient is at most {@value LinearSoftmaxMap#TOLERANCE}, failing after
 * {@value LinearSoftmaxMap#MAX_ITERATIONS} iterations. Held-out scores that the features separate
 * have no minimum: the gradient then falls below the tolerance at large parameters, giving a
 * near step function, as betacal's near-unpenalised fit does. {@link #binary()} refuses K &gt; 2; {@link #oneVsRest()} fits one map
 * per class on p_k against y = k and renormalises the rows.
 */
public final class BetaCalibration implements Calibrator {

    private final boolean oneVsRest;

    private BetaCalibration(boolean oneVsRest) {
        this.oneVsRest = oneVsRest;
    }

    /** @return beta calibration of two classes; fitting K &gt; 2 classes throws */
    public static BetaCalibration binary() {
        return new BetaCalibration(false);
    }

    /** @return beta calibration one-vs-rest for any K (for K = 2 the same as {@link #binary()}) */
    public static BetaCalibration oneVsRest() {
        return new BetaCalibration(true);
    }

    @Override
    public String name() {
        return oneVsRest ? "beta calibration (one-vs-rest)" : "beta calibration";
    }

    /** {@inheritDoc} Needs at least 2 examples, of both classes (per class, one-vs-rest). */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        return OneVsRest.fit(name(), heldOut, OneVsRest.Score.PROBABILITY, (scores, positive, label) ->
                fitBeta(name() + " of class " + label, scores, positive));
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        if (!oneVsRest) {
            Checks.twoClasses("beta calibration", classes, "BetaCalibration.oneVsRest()");
        }
        Checks.heldOut(name(), labels, 2);
    }

    /** @return betacal's clipping of a probability to [2^-52, 1 - 2^-52] */
    private static double clip(double s) {
        return Math.min(Math.max(s, LogScores.EPSILON), 1 - LogScores.EPSILON);
    }

    static Beta fitBeta(String method, double[] scores, boolean[] positive) {
        int n = scores.length;
        double[] lnS = new double[n];
        double[] lnOneMinus = new double[n];
        for (int i = 0; i < n; i++) {
            double s = clip(scores[i]);
            lnS[i] = Math.log(s);
            lnOneMinus[i] = -Math.log1p(-s);
        }
        double[] theta = fit(method, new Loss(lnS, lnOneMinus, positive, true, true), new double[] {1, 1, 0});
        if (theta[0] < 0) {
            theta = fit(method, new Loss(lnS, lnOneMinus, positive, false, true), new double[] {0, 1, 0});
        } else if (theta[1] < 0) {
            theta = fit(method, new Loss(lnS, lnOneMinus, positive, true, false), new double[] {1, 0, 0});
        }
        return new Beta(theta[0], theta[1], theta[2]);
    }

    private static double[] fit(String method, Loss loss, double[] start) {
        double[] tolerance = {LinearSoftmaxMap.TOLERANCE, LinearSoftmaxMap.TOLERANCE, LinearSoftmaxMap.TOLERANCE};
        return Lbfgs.minimise(method, loss, start, tolerance, LinearSoftmaxMap.MAX_ITERATIONS);
    }

    /** The mean log-loss of sigmoid(a f1 + b f2 + c), with a or b held at 0 when not used. */
    record Loss(double[] f1, double[] f2, boolean[] positive, boolean useA, boolean useB) implements Lbfgs.Objective {
        @Override
        public double evaluate(double[] theta, double[] gradient) {
            int n = f1.length;
            double sum = 0;
            double ga = 0;
            double gb = 0;
            double gc = 0;
            for (int i = 0; i < n; i++) {
                double u = theta[0] * f1[i] + theta[1] * f2[i] + theta[2];
                sum += PlattScaling.softplus(u) - (positive[i] ? u : 0);
                double r = PlattScaling.sigmoid(u) - (positive[i] ? 1 : 0);
                ga += r * f1[i];
                gb += r * f2[i];
                gc += r;
            }
            gradient[0] = useA ? ga / n : 0;
            gradient[1] = useB ? gb / n : 0;
            gradient[2] = gc / n;
            return sum / n;
        }
    }

    /** p = sigmoid(a ln s - b ln(1 - s) + c), s clipped. */
    record Beta(double a, double b, double c) implements OneVsRest.ClassMap {
        @Override
        public double apply(double score) {
            double s = clip(score);
            return PlattScaling.sigmoid(a * Math.log(s) - b * Math.log1p(-s) + c);
        }

        @Override
        public Map<String, List<Double>> parameters() {
            Map<String, List<Double>> map = new LinkedHashMap<>();
            map.put("a", List.of(a));
            map.put("b", List.of(b));
            map.put("c", List.of(c));
            return map;
        }

        @Override
        public String describe() {
            return "a = " + a + ", b = " + b + ", c = " + c;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
