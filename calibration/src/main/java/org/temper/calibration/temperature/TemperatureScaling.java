package org.temper.calibration.temperature;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;

/**
 * Fits the temperature T of temperature scaling on held-out logits. Immutable; choose the
 * objective with {@link #byNll()} or {@link #byEce()}, then {@link #fit}:
 * <pre>{@code
 * TemperatureFit fit = TemperatureScaling.byNll().fit(validation, CalibrationSettings.defaults());
 * Predictions calibratedTest = test.withTemperature(fit.temperature());
 * }</pre>
 */
public final class TemperatureScaling {

    /** What the fitted temperature minimises. */
    public enum Objective {
        /** The mean negative log-likelihood (Guo et al.). */
        NLL,
        /** The equal-width ECE, over a grid of temperatures (the replication). */
        ECE
    }

    /** Relative tolerance on 1/T of the NLL fit. */
    static final double TOLERANCE = 1e-10;
    /** 1/T beyond which NLL is taken to fall forever (T below 1e-12). */
    private static final double LARGEST_INVERSE = 1e12;

    private final Objective objective;
    private final double gridFrom;
    private final double gridTo;
    private final double gridStep;

    private TemperatureScaling(Objective objective, double gridFrom, double gridTo, double gridStep) {
        this.objective = objective;
        this.gridFrom = gridFrom;
        this.gridTo = gridTo;
        this.gridStep = gridStep;
    }

    /** @return a fit minimising NLL, to {@value #TOLERANCE} relative in 1/T */
    public static TemperatureScaling byNll() {
        return new TemperatureScaling(Objective.NLL, Double.NaN, Double.NaN, Double.NaN);
    }

    /** @return a fit minimising ECE over T = 0.05, 0.06, ..., 5.00 */
    public static TemperatureScaling byEce() {
        return byEce(0.05, 5.0, 0.01);
    }

    /**
     * @param from the smallest T tried, &gt; 0
     * @param to the largest T tried, &gt;= from
     * @param step the spacing of the grid, &gt; 0
     * @return a fit minimising ECE over T = from, from + step, ... up to to; the smallest T wins ties
     */
    public static TemperatureScaling byEce(double from, double to, double step) {
        if (!(from > 0 && to >= from && step > 0)) {
            throw new IllegalArgumentException("need 0 < from <= to and step > 0, got " + from + ", " + to + ", " + step);
        }
        return new TemperatureScaling(Objective.ECE, from, to, step);
    }

    /**
     * Fits T on held-out predictions and measures them before and after.
     * @param heldOut held-out logits and labels (not the test set)
     * @param settings bins (also those of the ECE objective), metrics and bootstrap of the reports
     * @return T and the reports
     * @throws IllegalArgumentException if the predictions are probabilities, or if NLL has no
     *         minimum at a finite positive T
     */
    public TemperatureFit fit(Predictions heldOut, CalibrationSettings settings) {
        if (!heldOut.hasLogits()) {
            throw new IllegalArgumentException("temperature scaling needs logits, not probabilities; "
                    + "to use log(probabilities) as logits, convert them with logitsFromLogProbabilities()");
        }
        double temperature = objective == Objective.NLL ? 1 / inverseTemperatureOfLeastNll(heldOut)
                : temperatureOfLeastEce(heldOut, settings.bins());
        return new TemperatureFit(objective, temperature, CalibrationReport.of(heldOut, settings),
                CalibrationReport.of(heldOut.withTemperature(temperature), settings));
    }

    /** Newton's method on the convex f(s), kept inside a bracket [lo, hi] with f'(lo) &lt;= 0 &lt; f'(hi). */
    private static double inverseTemperatureOfLeastNll(Predictions heldOut) {
        NllCurve curve = new NllCurve(heldOut);
        if (curve.at(0).slope() >= 0) {
            throw new IllegalArgumentException("NLL does not fall as 1/T grows from 0: the logits carry "
                    + "no information about the labels, so the best temperature is infinite");
        }
        double lo = 0;
        double hi = 1;
        NllCurve.Point point = curve.at(hi);
        while (point.slope() <= 0) {
            lo = hi;
            hi *= 2;
            if (hi > LARGEST_INVERSE) {
                throw new IllegalArgumentException("NLL keeps falling as T goes to 0: the held-out "
                        + "logits separate the classes perfectly, so no finite temperature minimises it");
            }
            point = curve.at(hi);
        }
        double s = hi;
        for (int iteration = 0; iteration < 200 && hi - lo > TOLERANCE * hi; iteration++) {
            double next = s - point.slope() / point.curvature();
            if (!(next > lo && next < hi)) {
                next = (lo + hi) / 2;
            }
            point = curve.at(next);
            if (point.slope() < 0) {
                lo = next;
            } else {
                hi = next;
            }
            boolean converged = Math.abs(next - s) <= TOLERANCE * next;
            s = next;
            if (converged) {
                break;
            }
        }
        return s;
    }

    private double temperatureOfLeastEce(Predictions heldOut, int bins) {
        CalibrationSettings eceOnly = CalibrationSettings.defaults().withBins(bins).withMetrics(Metric.ECE);
        long points = Math.round(Math.floor((gridTo - gridFrom) / gridStep + 1e-9)) + 1;
        double best = gridFrom;
        double bestEce = Double.POSITIVE_INFINITY;
        for (long j = 0; j < points; j++) {
            double t = gridFrom + j * gridStep;
            double ece = CalibrationReport.of(heldOut.withTemperature(t), eceOnly).value(Metric.ECE);
            if (ece < bestEce) {
                bestEce = ece;
                best = t;
            }
        }
        return best;
    }
}
