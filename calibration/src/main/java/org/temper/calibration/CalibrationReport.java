package org.temper.calibration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every chosen calibration metric of a set of predictions, the bin tables behind the binned
 * metrics, and bootstrap intervals when asked for. Immutable. The main entry point:
 * <pre>{@code
 * CalibrationReport report = CalibrationReport.of(
 *         Predictions.fromLogits(logits, labels, 10),
 *         CalibrationSettings.defaults().withBootstrap(1000, 42));
 * double ece = report.value(Metric.ECE);
 * }</pre>
 */
public final class CalibrationReport {

    private final int size;
    private final int classes;
    private final CalibrationSettings settings;
    private final Measurement measurement;
    private final Map<Metric, Interval> intervals;

    private CalibrationReport(int size, int classes, CalibrationSettings settings,
                              Measurement measurement, Map<Metric, Interval> intervals) {
        this.size = size;
        this.classes = classes;
        this.settings = settings;
        this.measurement = measurement;
        this.intervals = intervals;
    }

    /**
     * Measures predictions. Without adaptive ECE, classwise ECE and bootstrap this is one pass
     * over the input holding O(K * B) numbers; adaptive ECE adds N longs and a sort, the
     * bootstrap one pass per resample.
     * @param predictions the outputs and labels
     * @param settings bins, metrics and bootstrap
     * @return the report
     */
    public static CalibrationReport of(Predictions predictions, CalibrationSettings settings) {
        long[] keys = settings.includes(Metric.ADAPTIVE_ECE) ? new long[predictions.size()] : null;
        RowPass pass = RowPass.run(predictions, settings.bins(),
                settings.includes(Metric.CLASSWISE_ECE), null, keys);
        Map<Metric, Interval> intervals = settings.resamples() == 0 ? Map.of()
                : Bootstrap.intervals(predictions, settings, keys);
        if (keys != null) {
            Arrays.sort(keys);
        }
        return new CalibrationReport(predictions.size(), predictions.classes(), settings,
                Measurement.of(pass, keys, settings), intervals);
    }

    /**
     * Measures predictions with {@link CalibrationSettings#defaults()}.
     * @param predictions the outputs and labels
     * @return the report
     */
    public static CalibrationReport of(Predictions predictions) {
        return of(predictions, CalibrationSettings.defaults());
    }

    /**
     * @param metric a metric in {@link #settings()}
     * @return its value
     * @throws IllegalArgumentException if the metric was not chosen
     */
    public double value(Metric metric) {
        Double v = measurement.values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException(metric.label() + " was not computed; choose it in CalibrationSettings");
        }
        return v;
    }

    /**
     * @param metric a metric
     * @return its bootstrap interval, empty without bootstrap or if the metric was not chosen
     */
    public Optional<Interval> interval(Metric metric) {
        return Optional.ofNullable(intervals.get(metric));
    }

    /** @return the equal-width bins behind ECE, MCE, RMS calibration error and the reliability diagram */
    public BinTable equalWidthBins() {
        return measurement.equalWidth;
    }

    /** @return the equal-mass bins behind adaptive ECE, empty if it was not chosen */
    public Optional<BinTable> equalMassBins() {
        return Optional.ofNullable(measurement.equalMass);
    }

    /** @return one equal-width table per class (confidence = p_k), empty unless classwise ECE was chosen */
    public List<BinTable> classwiseBins() {
        return measurement.classwise;
    }

    /** @return N, the number of examples */
    public int size() {
        return size;
    }

    /** @return K, the number of classes */
    public int classes() {
        return classes;
    }

    /** @return the settings the report was made with */
    public CalibrationSettings settings() {
        return settings;
    }
}
