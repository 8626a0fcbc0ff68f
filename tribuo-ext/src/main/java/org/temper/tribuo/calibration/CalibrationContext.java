package org.temper.tribuo.calibration;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.evaluation.metrics.MetricContext;

import java.util.List;

/** The predictions being evaluated and their calibration report, computed once for every metric. */
public final class CalibrationContext extends MetricContext<Label> {

    private final CalibrationReport report;

    /**
     * @param model the model evaluated
     * @param predictions its predictions, with true labels
     * @param settings bins, metrics and bootstrap
     */
    CalibrationContext(Model<Label> model, List<Prediction<Label>> predictions, CalibrationSettings settings) {
        super(model, predictions);
        this.report = CalibrationReport.of(TribuoPredictions.of(predictions, model.getOutputIDInfo()), settings);
    }

    /** @return the calibration report of the predictions. */
    public CalibrationReport report() {
        return report;
    }
}
