package org.temper.calibration;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a {@link CalibrationReport} computes: the number of bins, which metrics, and the
 * bootstrap. Immutable; start from {@link #defaults()} and change it with the {@code with}
 * methods.
 *
 * <p>Every metric is computed in one pass over the input except those of the sorted confidences,
 * {@link Metric#ADAPTIVE_ECE}, {@link Metric#DEBIASED_L2_CALIBRATION_ERROR}, {@link Metric#SMOOTH_ECE}
 * and {@link Metric#KS_CALIBRATION_ERROR}, which sort the confidences (N longs of extra memory), and
 * {@link Metric#CLASSWISE_ECE} (and {@link Metric#POSITIVE_CLASS_ECE} of two classes), which bins
 * every class probability (K times the binning work); leave them out for very large inputs.
 *
 * @param bins B, the number of bins of every binned metric (15 by default)
 * @param metrics the metrics to report, iterated in declaration order
 * @param resamples bootstrap resamples; 0 computes no intervals (the default)
 * @param seed seed of the bootstrap's random resampling
 * @param level coverage of the bootstrap intervals, in (0, 1) (0.95 by default)
 */
public record CalibrationSettings(int bins, Set<Metric> metrics, int resamples, long seed, double level) {

    /**
     * Validates and freezes the settings.
     * @param bins B &gt;= 1
     * @param metrics at least one metric
     * @param resamples &gt;= 0
     * @param seed any
     * @param level in (0, 1)
     */
    public CalibrationSettings {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metric chosen");
        }
        metrics = Collections.unmodifiableSet(EnumSet.copyOf(metrics));
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }

    /** @return 15 bins, every metric, no bootstrap (seed 42, level 0.95 when it is turned on) */
    public static CalibrationSettings defaults() {
        return new CalibrationSettings(15, EnumSet.allOf(Metric.class), 0, 42, 0.95);
    }

    /**
     * @param count B, the number of bins
     * @return these settings with B bins
     */
    public CalibrationSettings withBins(int count) {
        return new CalibrationSettings(count, metrics, resamples, seed, level);
    }

    /**
     * @param chosen the metrics to report
     * @return these settings reporting only the chosen metrics
     */
    public CalibrationSettings withMetrics(Metric... chosen) {
        EnumSet<Metric> set = EnumSet.noneOf(Metric.class);
        Collections.addAll(set, chosen);
        return new CalibrationSettings(bins, set, resamples, seed, level);
    }

    /**
     * @param count bootstrap resamples (0 for none)
     * @param randomSeed seed of the resampling
     * @return these settings with that bootstrap
     */
    public CalibrationSettings withBootstrap(int count, long randomSeed) {
        return new CalibrationSettings(bins, metrics, count, randomSeed, level);
    }

    /**
     * @param coverage coverage of the bootstrap intervals, in (0, 1)
     * @return these settings with that coverage
     */
    public CalibrationSettings withLevel(double coverage) {
        return new CalibrationSettings(bins, metrics, resamples, seed, coverage);
    }

    /**
     * @param metric a metric
     * @return whether it is reported
     */
    public boolean includes(Metric metric) {
        return metrics.contains(metric);
    }
}
