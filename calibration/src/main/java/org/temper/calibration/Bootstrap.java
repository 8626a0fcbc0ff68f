package org.temper.calibration;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals. Each resample draws N examples with replacement (as integer
 * weights, so the predictions are never copied) from a {@link SplittableRandom} seeded by the
 * settings, and measures every chosen metric on it; an interval is the pair of quantiles of the
 * resampled values at (1 - level) / 2 and (1 + level) / 2, interpolated linearly between order
 * statistics (R's type 7).
 */
final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * @param p the predictions
     * @param settings bins, metrics, resamples, seed and level
     * @param keys each example's equal-mass key in example order, or null unless {@link Measurement#needsSortedKeys}
     * @return an interval per chosen metric
     */
    static Map<Metric, Interval> intervals(Predictions p, CalibrationSettings settings, long[] keys) {
        int n = p.size();
        int resamples = settings.resamples();
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] weights = new int[n];
        long[] resampledKeys = keys == null ? null : new long[n];
        Map<Metric, double[]> samples = new EnumMap<>(Metric.class);
        for (Metric metric : settings.metrics()) {
            samples.put(metric, new double[resamples]);
        }
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(weights, 0);
            for (int j = 0; j < n; j++) {
                int i = random.nextInt(n);
                weights[i]++;
                if (keys != null) {
                    resampledKeys[j] = keys[i];
                }
            }
            if (keys != null) {
                Arrays.sort(resampledKeys);
            }
            RowPass pass = RowPass.run(p, settings.bins(), Measurement.needsPerClass(settings, p.classes()), weights, null);
            Measurement m = Measurement.of(pass, resampledKeys, settings);
            for (Map.Entry<Metric, double[]> e : samples.entrySet()) {
                e.getValue()[r] = m.values.get(e.getKey());
            }
        }
        double level = settings.level();
        Map<Metric, Interval> intervals = new EnumMap<>(Metric.class);
        for (Map.Entry<Metric, double[]> e : samples.entrySet()) {
            double[] values = e.getValue();
            Arrays.sort(values);
            intervals.put(e.getKey(), new Interval(quantile(values, (1 - level) / 2),
                    quantile(values, (1 + level) / 2), level));
        }
        return Collections.unmodifiableMap(intervals);
    }

    /** The q-quantile of sorted values, linear between order statistics (type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double a = sorted[lo];
        double b = sorted[hi];
        return a == b ? a : a + (h - lo) * (b - a);
    }
}
