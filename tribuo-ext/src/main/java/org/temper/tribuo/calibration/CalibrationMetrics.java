package org.temper.tribuo.calibration;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.metrics.MetricTarget;

/**
 * Calibration metrics as Tribuo {@link LabelMetric}s, computed from the same context as
 * {@code LabelMetrics.ACCURACY}:
 * <pre>{@code
 * LabelMetric.Context context = new LabelMetric.Context(model, predictions);
 * double accuracy = LabelMetrics.ACCURACY.forTarget(MetricTarget.macroAverageTarget()).compute(context);
 * double ece = CalibrationMetrics.ece().compute(context);
 * }</pre>
 */
public final class CalibrationMetrics {

    private CalibrationMetrics() {
    }

    /** @return the ECE over 15 equal-width bins, named "ECE" */
    public static LabelMetric ece() {
        return ece(15);
    }

    /**
     * @param bins the number of equal-width bins
     * @return the ECE over that many bins, named "ECE"
     */
    public static LabelMetric ece(int bins) {
        CalibrationSettings settings = CalibrationSettings.defaults().withBins(bins).withMetrics(Metric.ECE);
        return new LabelMetric(MetricTarget.macroAverageTarget(), "ECE", (target, context) -> CalibrationReport.of(
                TribuoPredictions.of(context.getPredictions(), context.getModel().getOutputIDInfo()), settings)
                .value(Metric.ECE));
    }
}
