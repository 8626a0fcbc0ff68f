package org.temper.tribuo.calibration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.tribuo.Fixtures;
import org.temper.tribuo.LabelSmoothingTrainer;
import org.temper.tribuo.NetworkModel;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.classification.evaluation.LabelMetrics;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.evaluation.DescriptiveStats;
import org.tribuo.evaluation.EvaluationAggregator;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationEvaluatorTest {

    private static Dataset<Label> test;
    private static NetworkModel model;
    private static CalibrationEvaluation evaluation;

    @BeforeAll
    static void evaluate() {
        test = Fixtures.test();
        model = LabelSmoothingTrainer.hardTargets(Fixtures.smallSettings(), 4).train(Fixtures.train());
        evaluation = new CalibrationEvaluator().evaluate(model, test);
    }

    @Test
    void everyMetricMatchesTheCalibrationModule() {
        CalibrationReport direct = CalibrationReport.of(TribuoPredictions.of(model.predict(test),
                model.getOutputIDInfo()));
        for (Metric m : Metric.values()) {
            assertEquals(direct.value(m), evaluation.value(m), 1e-12, m.key());
            assertEquals(direct.value(m), evaluation.get(CalibrationEvaluation.id(m)), 1e-12, m.key());
        }
        assertEquals(new LabelEvaluator().evaluate(model, test).accuracy(), evaluation.value(Metric.ACCURACY), 1e-12);
        assertEquals(15, evaluation.bins().bins().size());
        assertEquals(test.size(), evaluation.bins().total());
        assertEquals(test.size(), evaluation.getPredictions().size());
        assertTrue(evaluation.toString().contains("ECE"), evaluation.toString());
    }

    @Test
    void eceIsALabelMetricBesideAccuracy() {
        LabelMetric.Context context = new LabelMetric.Context(model, model.predict(test));
        double accuracy = LabelMetrics.ACCURACY.forTarget(MetricTarget.macroAverageTarget()).compute(context);
        double ece = CalibrationMetrics.ece().compute(context);
        assertEquals(evaluation.ece(), ece, 1e-12);
        assertTrue(accuracy > 0.5);
        assertTrue(CalibrationMetrics.ece(5).compute(context) != ece);
    }

    @Test
    void reliabilityDiagramIsWritten(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("reliability.png");
        Path svg = dir.resolve("reliability.svg");
        evaluation.writeReliabilityDiagram(png, "hard targets");
        evaluation.writeReliabilityDiagram(svg, "hard targets");
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void aggregatesAndCrossValidates() {
        List<CalibrationEvaluation> evaluations = List.of(evaluation,
                new CalibrationEvaluator().evaluate(model, Fixtures.slice(7000, 500)));
        Map<MetricID<Label>, DescriptiveStats> summary = EvaluationAggregator.summarize(evaluations);
        DescriptiveStats ece = summary.get(CalibrationEvaluation.id(Metric.ECE));
        assertEquals(2, ece.getN());
        assertEquals((evaluations.get(0).ece() + evaluations.get(1).ece()) / 2, ece.getMean(), 1e-12);

        CrossValidation<Label, CalibrationEvaluation> cv = new CrossValidation<>(
                LabelSmoothingTrainer.hardTargets(Fixtures.smallSettings().epochs(1, 64), 4), Fixtures.slice(0, 600),
                new CalibrationEvaluator(), 2, 1L);
        List<com.oracle.labs.mlrg.olcut.util.Pair<CalibrationEvaluation, Model<Label>>> folds = cv.evaluate();
        assertEquals(2, folds.size());
        Map<MetricID<Label>, DescriptiveStats> cvSummary = EvaluationAggregator.summarizeCrossValidation(folds);
        assertEquals(2, cvSummary.get(CalibrationEvaluation.id(Metric.BRIER)).getN());
    }

    @Test
    void unknownTrueLabelsAreNamed() {
        Prediction<Label> p = model.predict(test.getExample(0));
        Prediction<Label> relabelled = new Prediction<>(p, p.getNumActiveFeatures(),
                new org.tribuo.impl.ArrayExample<>(new Label("unicorn"), p.getExample(), 1f));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TribuoPredictions.of(List.of(relabelled), model.getOutputIDInfo()));
        assertTrue(e.getMessage().contains("unicorn"), e.getMessage());
    }
}
