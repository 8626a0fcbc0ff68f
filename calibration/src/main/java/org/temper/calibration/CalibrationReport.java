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
     * Measures predictions. Without the metrics of sorted confidences (adaptive ECE, debiased l2
     * calibration error, smooth ECE, KS), classwise ECE and bootstrap this is one pass over the
     * input holding O(K * B) numbers; those metrics add N longs and a sort (smooth ECE a kernel
     * smoothing on a mesh of at most a few times 20 / smECE points), the bootstrap one pass per
     * resample.
     * @param predictions the outputs and labels
     * @param settings bins, metrics and bootstrap
     * @return the report
     */
    public static CalibrationReport of(Predictions predictions, CalibrationSettings settings) {
        long[] keys = Measurement.needsSortedKeys(settings) ? new long[predictions.size()] : null;
        RowPass pass = RowPass.run(predictions, settings.bins(),
                Measurement.needsPerClass(settings, predictions.classes()), null, keys);
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

    /**
     * @return the equal-mass bins behind adaptive ECE and the debiased l2 calibration error, empty
     *         unless one of the metrics of sorted confidences (those two, smooth ECE, KS) was chosen
     */
    public Optional<BinTable> equalMassBins() {
        return Optional.ofNullable(measurement.equalMass);
    }

    /**
     * @return one equal-width table per class (confidence = p_k, accuracy = fraction with y = k),
     *         empty unless classwise ECE, or positive-class ECE of two classes, was chosen
     */
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
