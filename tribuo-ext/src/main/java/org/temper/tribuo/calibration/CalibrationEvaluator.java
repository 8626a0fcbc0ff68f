package org.temper.tribuo.calibration;

import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.evaluation.AbstractEvaluator;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.provenance.EvaluationProvenance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates how well a probabilistic classifier's confidence matches its accuracy. Use it as any
 * Tribuo evaluator: {@code evaluate(model, dataset)}, inside {@code CrossValidation}, and summarise
 * several evaluations with {@code EvaluationAggregator}. Binning and the metrics chosen come from a
 * {@link CalibrationSettings} (15 equal-width bins and every metric by default).
 */
public final class CalibrationEvaluator
        extends AbstractEvaluator<Label, CalibrationContext, CalibrationEvaluation, CalibrationMetric> {

    private final CalibrationSettings settings;

    /** Every metric over 15 bins, no bootstrap. */
    public CalibrationEvaluator() {
        this(CalibrationSettings.defaults());
    }

    /** @param settings bins, metrics and bootstrap */
    public CalibrationEvaluator(CalibrationSettings settings) {
        this.settings = settings;
    }

    @Override
    protected Set<CalibrationMetric> createMetrics(Model<Label> model) {
        Set<CalibrationMetric> metrics = new LinkedHashSet<>();
        for (Metric m : settings.metrics()) {
            metrics.add(new CalibrationMetric(m, settings));
        }
        return metrics;
    }

    @Override
    protected CalibrationContext createContext(Model<Label> model, List<Prediction<Label>> predictions) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("Model " + model.getName() + " (" + model.getClass().getSimpleName()
                    + ") does not generate probabilities, so its calibration cannot be measured");
        }
        return new CalibrationContext(model, predictions, settings);
    }

    @Override
    protected CalibrationEvaluation createEvaluation(CalibrationContext context, Map<MetricID<Label>, Double> results,
                                                     EvaluationProvenance provenance) {
        return new CalibrationEvaluation(results, context, provenance);
    }
}
