package org.temper.spark;

import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;

import java.io.Serializable;
import java.util.List;

/**
 * What every trial measures on the test set, through calibration's {@code CalibrationReport}.
 *
 * @param metrics the metrics, in the order results list them
 * @param bins the number of equal-width bins of the binned metrics (15, as the papers)
 */
public record Measures(List<Metric> metrics, int bins) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Accuracy, ECE, NLL, Brier score and mean confidence over 15 bins. */
    public static final Measures DEFAULT = new Measures(List.of(Metric.ACCURACY, Metric.ECE, Metric.NLL,
            Metric.BRIER, Metric.MEAN_CONFIDENCE), 15);

    /**
     * Checks the choice by building the calibration settings.
     * @param metrics at least one metric
     * @param bins at least one bin
     */
    public Measures {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("--measure: choose at least one metric, e.g. accuracy,ece,nll");
        }
        metrics = List.copyOf(metrics);
        CalibrationSettings.defaults().withBins(bins);
    }

    /** @return the calibration settings of these measures */
    CalibrationSettings settings() {
        return CalibrationSettings.defaults().withBins(bins).withMetrics(metrics.toArray(Metric[]::new));
    }
}
