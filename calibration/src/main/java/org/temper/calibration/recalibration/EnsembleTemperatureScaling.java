package org.temper.calibration.recalibration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.temperature.TemperatureScaling;

/**
 * Ensemble temperature scaling (Zhang, Kailkhura and Han 2020):
 * p = w_1 softmax(z / T) + w_2 softmax(z) + w_3 / K, a mixture of the temperature-scaled, the
 * untempered and the uniform probabilities, with weights on the simplex (w_j &gt;= 0, sum 1).
 *
 * <p>Fitted in two steps, as theirs: T by {@link TemperatureScaling#byNll()} on the held-out
 * logits; then w minimising the mean NLL f(w) = -(1/N) sum_i ln(w . c_i), c_i the three
 * components' probabilities of the true class, which is convex on the simplex. <b>Solver and
 * stopping rule:</b> nested bisection, exact to the resolution of doubles. Outside,
 * h(w_1) = min over w_2 in [0, 1 - w_1] of f(w_1, w_2, 1 - w_1 - w_2) is convex on [0, 1]; inside,
 * f along w_2 is convex. Each is minimised by {@value #HALVINGS} halvings of its interval by the
 * sign of its slope: df/dw_2 - df/dw_3 inside (an end of the interval when the slope there does
 * not change sign), and outside dh/dw_1 = df/dw_1 - df/dw_3 at the inner minimum (df/dw_1 -
 * df/dw_2 where that minimum has w_3 = 0). w = (1, 0, 0) is temperature scaling, so the NLL on
 * the fitting data is at most temperature scaling's (up to rounding).
 *
 * <p>Probabilities are taken as logits ln p ({@link Predictions#logitsFromLogProbabilities()});
 * as softmax(ln p / T) is p^(1/T) renormalised, a map fitted on logits gives the same
 * probabilities from their softmax.
 */
public final class EnsembleTemperatureScaling implements Calibrator {

    /** Halvings of each bisection: past 2^-60 an interval of [0, 1] holds no other double. */
    static final int HALVINGS = 60;

    private static final EnsembleTemperatureScaling INSTANCE = new EnsembleTemperatureScaling();

    private EnsembleTemperatureScaling() {
    }

    /** @return ensemble temperature scaling */
    public static EnsembleTemperatureScaling create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "ensemble temperature scaling";
    }

    /** {@inheritDoc} Needs at least 2 examples, of at least two classes. */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        Predictions logits = heldOut.hasLogits() ? heldOut : heldOut.logitsFromLogProbabilities();
        double t = TemperatureScaling.byNll().fit(logits, CalibrationSettings.defaults().withMetrics(Metric.NLL))
                .temperature();
        double[][] c = components(logits, t);
        return new Fitted(heldOut.classes(), t, weights(c), heldOut.hasLogits());
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, 2);
    }

    /** @return c[i] = the probabilities of the true class under the three components */
    static double[][] components(Predictions logits, double t) {
        int k = logits.classes();
        Predictions tempered = logits.withTemperature(t);
        double[] row = new double[k];
        double[][] c = new double[logits.size()][3];
        for (int i = 0; i < c.length; i++) {
            int y = logits.label(i);
            tempered.probabilities(i, row);
            c[i][0] = row[y];
            logits.probabilities(i, row);
            c[i][1] = row[y];
            c[i][2] = 1.0 / k;
        }
        return c;
    }

    /**
     * @param c the components' probabilities of the true class
     * @param w the weights
     * @return the gradient of the mean NLL at w, -(1/N) sum_i c_ij / (w . c_i) (a mixture that
     *         underflows to 0 counts as the least positive double, so that slopes stay signed)
     */
    static double[] gradient(double[][] c, double[] w) {
        double[] g = new double[3];
        for (double[] ci : c) {
            double mix = Math.max(w[0] * ci[0] + w[1] * ci[1] + w[2] * ci[2], Double.MIN_VALUE);
            for (int j = 0; j < 3; j++) {
                g[j] -= ci[j] / mix / c.length;
            }
        }
        return g;
    }

    /** @return the mean NLL -(1/N) sum_i ln(w . c_i) */
    static double nll(double[][] c, double[] w) {
        double sum = 0;
        for (double[] ci : c) {
            sum -= Math.log(w[0] * ci[0] + w[1] * ci[1] + w[2] * ci[2]);
        }
        return sum / c.length;
    }

    /**
     * @param c the components' probabilities of the true class
     * @return the weights minimising the mean NLL on the simplex
     */
    static double[] weights(double[][] c) {
        double lo = 0;
        double hi = 1;
        for (int h = 0; h < HALVINGS; h++) {
            double mid = (lo + hi) / 2;
            double[] w = inner(c, mid);
            double[] g = gradient(c, w);
            double slope = w[2] == 0 ? g[0] - g[1] : g[0] - g[2];
            if (slope > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return inner(c, lo);
    }

    /** @return (w_1, w_2, 1 - w_1 - w_2) with w_2 minimising f for this w_1 */
    private static double[] inner(double[][] c, double w1) {
        double top = 1 - w1;
        if (innerSlope(c, w1, top) <= 0) {
            return new double[] {w1, top, 0};
        }
        double lo = 0;
        double hi = top;
        if (innerSlope(c, w1, 0) < 0) {
            for (int h = 0; h < HALVINGS; h++) {
                double mid = (lo + hi) / 2;
                if (innerSlope(c, w1, mid) > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
        }
        return new double[] {w1, lo, top - lo};
    }

    private static double innerSlope(double[][] c, double w1, double w2) {
        double[] g = gradient(c, new double[] {w1, w2, 1 - w1 - w2});
        return g[1] - g[2];
    }

    /**
     * The fitted mixture.
     *
     * @param classes K
     * @param temperature T
     * @param weights (w_1, w_2, w_3): tempered, untempered, uniform
     * @param fittedOnLogits whether the held-out predictions were logits
     */
    record Fitted(int classes, double temperature, double[] weights, boolean fittedOnLogits) implements CalibrationMap {

        @Override
        public double[] probabilities(Predictions predictions) {
            Checks.classes(classes, predictions);
            Predictions logits = predictions.hasLogits() ? predictions : predictions.logitsFromLogProbabilities();
            Predictions tempered = logits.withTemperature(temperature);
            double[] out = new double[predictions.size() * classes];
            double[] a = new double[classes];
            double[] b = new double[classes];
            for (int i = 0; i < predictions.size(); i++) {
                tempered.probabilities(i, a);
                logits.probabilities(i, b);
                for (int k = 0; k < classes; k++) {
                    out[i * classes + k] = weights[0] * a[k] + weights[1] * b[k] + weights[2] / classes;
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return "ensemble temperature scaling (" + classes + " classes" + (fittedOnLogits ? ""
                    : ", on log-probabilities, as probabilities were given") + "): T = " + temperature
                    + ", weights of softmax(z / T), softmax(z), uniform = " + OneVsRest.list(weights);
        }

        @Override
        public Map<String, List<Double>> parameters() {
            Map<String, List<Double>> map = new LinkedHashMap<>();
            map.put("T", List.of(temperature));
            map.put("w", OneVsRest.list(weights));
            return Collections.unmodifiableMap(map);
        }
    }
}
