package org.temper.weka;

import org.temper.calibration.CalibrationReport;
import weka.classifiers.evaluation.AbstractEvaluationMetric;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.evaluation.StandardEvaluationMetric;
import weka.core.Instance;
import weka.core.Utils;

import java.util.ArrayList;
import java.util.List;

/**
 * Weka evaluation-metric plugin: ECE, MCE, adaptive ECE, the Brier score, mean confidence and NLL
 * with every evaluation of a nominal class (the Explorer's output, weka.Run and the Experimenter's
 * result columns ECE, MCE, Adaptive_ECE, Brier, Mean_confidence and NLL, and the KnowledgeFlow's
 * ClassifierPerformanceEvaluator, from the stored predictions). ECE says how far confidence is from
 * accuracy, not in which direction: mean confidence above the accuracy is over-confidence, below it
 * under-confidence. Registered in the package's PluginManager.props.
 */
public class CalibrationMetric extends AbstractEvaluationMetric implements StandardEvaluationMetric {

    private static final long serialVersionUID = 1L;

    private static final List<String> NAMES = List.of("ECE", "MCE", "Adaptive_ECE", "Brier", "Mean_confidence",
            "NLL");
    private static final List<String> LABELS = List.of("Expected calibration error (ECE)",
            "Maximum calibration error (MCE)", "Adaptive ECE (equal-mass bins)", "Brier score",
            "Mean confidence (top probability)", "Negative log-likelihood (NLL)");

    private CalibrationData data;
    private transient CalibrationReport report;

    @Override
    public boolean appliesToNominalClass() {
        return true;
    }

    @Override
    public boolean appliesToNumericClass() {
        return false;
    }

    @Override
    public String getMetricName() {
        return "Calibration";
    }

    @Override
    public String getMetricDescription() {
        return "How well predicted probabilities match accuracy: ECE and MCE over 15 equal-width confidence bins,"
                + " adaptive ECE over 15 equal-mass bins, the Brier score (sum over classes of squared"
                + " probability errors, averaged over instances) and the NLL (mean of -ln p of the actual class;"
                + " infinite when an actual class gets probability 0), smaller is better; and the mean confidence"
                + " (the largest probability, averaged), which is above the accuracy when a classifier is"
                + " over-confident and below it when under-confident. Unweighted.";
    }

    @Override
    public List<String> getStatisticNames() {
        return new ArrayList<>(NAMES);
    }

    @Override
    public double getStatistic(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new UnknownStatisticException("Unknown statistic '" + name + "'; known: " + NAMES);
        }
        CalibrationReport r = report();
        return r == null ? Utils.missingValue() : r.value(CalibrationData.METRICS.get(i));
    }

    @Override
    public boolean statisticIsMaximisable(String name) {
        return false;
    }

    @Override
    public void updateStatsForClassifier(double[] predictedDistribution, Instance instance) {
        if (data == null) {
            data = new CalibrationData(instance.numClasses());
        }
        data.add(predictedDistribution, instance.classIsMissing() ? Double.NaN : instance.classValue());
        report = null;
    }

    @Override
    public void updateStatsForPredictor(double predictedValue, Instance instance) {
        // calibration applies to class probabilities only
    }

    @Override
    public String toSummaryString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < NAMES.size(); i++) {
            s.append(String.format("%-35s", LABELS.get(i)))
                    .append(Utils.doubleToString(getStatistic(NAMES.get(i)), 12, 4)).append('\n');
        }
        return s.toString();
    }

    private CalibrationReport report() {
        if (data == null) {
            CalibrationData stored = storedPredictions();
            return stored == null ? null : stored.report();
        }
        if (report == null) {
            report = data.report();
        }
        return report;
    }

    /**
     * @return the base evaluation's stored predictions, or null when it has none: an evaluation that
     *         was aggregated rather than fed, such as the KnowledgeFlow's (Weka's AggregateableEvaluation
     *         passes plugin metrics no instances), still holds every fold's predictions
     */
    private CalibrationData storedPredictions() {
        List<Prediction> predictions = m_baseEvaluation == null ? null : m_baseEvaluation.predictions();
        if (predictions == null) {
            return null;
        }
        CalibrationData stored = null;
        for (Prediction p : predictions) {
            if (p instanceof NominalPrediction nominal) {
                if (stored == null) {
                    stored = new CalibrationData(nominal.distribution().length);
                }
                stored.add(nominal.distribution(), nominal.actual());
            }
        }
        return stored;
    }
}
