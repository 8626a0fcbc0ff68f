package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bootstrap percentile intervals. */
class BootstrapTest {

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        // h = (5 - 1) q: q = .25 -> h = 1 -> 2; q = .1 -> h = .4 -> 1 + .4 * (2 - 1)
        assertEquals(2.0, Bootstrap.quantile(sorted, .25), 1e-12);
        assertEquals(1.4, Bootstrap.quantile(sorted, .1), 1e-12);
        assertEquals(5.0, Bootstrap.quantile(sorted, 1), 1e-12);
        assertEquals(1.0, Bootstrap.quantile(sorted, 0), 1e-12);
    }

    @Test
    void identicalExamplesGiveIntervalsOfZeroWidth() {
        // Every resample of identical examples is the same set: interval = [value, value].
        double[] rows = new double[2 * 50];
        for (int i = 0; i < 50; i++) {
            rows[2 * i] = .75;
            rows[2 * i + 1] = .25;
        }
        CalibrationReport r = CalibrationReport.of(Predictions.fromProbabilities(rows, new int[50], 2),
                CalibrationSettings.defaults().withBootstrap(20, 7));
        for (Metric m : Metric.values()) {
            Interval i = r.interval(m).orElseThrow();
            assertEquals(r.value(m), i.lower(), 1e-12, m.label());
            assertEquals(r.value(m), i.upper(), 1e-12, m.label());
        }
        // all correct at confidence .75: ECE = .25
        assertEquals(.25, r.interval(Metric.ECE).orElseThrow().upper(), 1e-12);
    }

    @Test
    void intervalsAreSeededAndBracketTheEstimate() {
        Predictions p = Synthetic.calibratedBinary(2000, new Random(3));
        // Every metric but smooth ECE, whose kernel smoothing costs about 20 ms a resample here
        // (its intervals are tested on fewer examples in MetricDefinitionsTest).
        EnumSet<Metric> metrics = EnumSet.complementOf(EnumSet.of(Metric.SMOOTH_ECE));
        CalibrationSettings settings = CalibrationSettings.defaults().withMetrics(metrics.toArray(Metric[]::new))
                .withBootstrap(200, 11).withLevel(0.9);
        CalibrationReport a = CalibrationReport.of(p, settings);
        CalibrationReport b = CalibrationReport.of(p, settings);
        CalibrationReport other = CalibrationReport.of(p, settings.withBootstrap(200, 12));
        for (Metric m : metrics) {
            Interval i = a.interval(m).orElseThrow();
            assertEquals(i, b.interval(m).orElseThrow(), m.label());
            assertEquals(0.9, i.level());
            assertTrue(i.lower() < i.upper(), m.label());
            assertNotEquals(i, other.interval(m).orElseThrow(), m.label());
        }
        // Smooth metrics: the estimate lies well inside its interval.
        for (Metric m : new Metric[] {Metric.BRIER, Metric.NLL, Metric.ACCURACY, Metric.MEAN_CONFIDENCE}) {
            Interval i = a.interval(m).orElseThrow();
            assertTrue(i.lower() < a.value(m) && a.value(m) < i.upper(), m.label() + " " + i);
        }
    }

    @Test
    void noBootstrapNoIntervals() {
        CalibrationReport r = CalibrationReport.of(Synthetic.calibratedBinary(10, new Random(1)));
        assertTrue(r.interval(Metric.ECE).isEmpty());
    }
}
