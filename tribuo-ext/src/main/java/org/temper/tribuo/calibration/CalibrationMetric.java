package org.temper.tribuo.calibration;

import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.evaluation.metrics.EvaluationMetric;
import org.tribuo.evaluation.metrics.MetricTarget;

import java.util.List;

/**
 * One calibration metric as a Tribuo evaluation metric over all labels (the macro-average target),
 * read from the context's report. Its name is the metric's stable key ("ece", "brier", ...).
 * @param metric the calibration metric
 * @param settings bins, metrics and bootstrap of the report it reads
 */
public record CalibrationMetric(Metric metric, CalibrationSettings settings)
        implements EvaluationMetric<Label, CalibrationContext> {

    @Override
    public double compute(CalibrationContext context) {
        return context.report().value(metric);
    }

    @Override
    public MetricTarget<Label> getTarget() {
        return MetricTarget.macroAverageTarget();
    }

    @Override
    public String getName() {
        return metric.key();
    }

    @Override
    public CalibrationContext createContext(Model<Label> model, List<Prediction<Label>> predictions) {
        return new CalibrationContext(model, predictions, settings);
    }
}
