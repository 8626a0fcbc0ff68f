package org.temper.weka;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Weka's predicted class distributions with their actual classes, gathered one at a time and
 * measured by Temper's calibration module (15 equal-width bins; ECE, MCE, adaptive ECE, Brier, mean
 * confidence and NLL).
 * Instances without an actual class, and distributions that are all zero (Weka's "unclassified"),
 * are left out; other distributions are scaled to sum to 1. Instance weights are ignored.
 */
public final class CalibrationData implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The metrics measured, in the order Weka shows them. */
    public static final List<Metric> METRICS = List.of(Metric.ECE, Metric.MCE, Metric.ADAPTIVE_ECE, Metric.BRIER,
            Metric.MEAN_CONFIDENCE, Metric.NLL);

    private final int classes;
    private final List<double[]> distributions = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    /** @param classes the number of class values */
    public CalibrationData(int classes) {
        this.classes = classes;
    }

    /**
     * @param distribution the predicted class probabilities
     * @param actual the actual class index, or NaN (Weka's missing value) to skip the prediction
     */
    public void add(double[] distribution, double actual) {
        double sum = 0;
        for (double p : distribution) {
            sum += p;
        }
        if (Double.isNaN(actual) || !(sum > 0)) {
            return;
        }
        double[] row = new double[classes];
        for (int c = 0; c < classes; c++) {
            row[c] = distribution[c] / sum;
        }
        distributions.add(row);
        labels.add((int) actual);
    }

    /** @return the number of predictions gathered */
    public int size() {
        return labels.size();
    }

    /** @return the report over the predictions gathered, or null when there are none */
    public CalibrationReport report() {
        if (labels.isEmpty()) {
            return null;
        }
        double[] p = new double[labels.size() * classes];
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            System.arraycopy(distributions.get(i), 0, p, i * classes, classes);
            y[i] = labels.get(i);
        }
        return CalibrationReport.of(Predictions.fromProbabilities(p, y, classes),
                CalibrationSettings.defaults().withMetrics(METRICS.toArray(new Metric[0])));
    }
}
