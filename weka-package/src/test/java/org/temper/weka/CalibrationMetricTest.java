package org.temper.weka;

import org.junit.jupiter.api.Test;
import weka.classifiers.evaluation.AggregateableEvaluation;
import weka.classifiers.evaluation.Evaluation;
import weka.classifiers.trees.J48;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.experiment.ClassifierSplitEvaluator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metric plugin's numbers, checked by hand, and its place in Weka's evaluation output. */
class CalibrationMetricTest {

    private static Instances twoClasses() {
        Instances d = new Instances("t", new ArrayList<>(List.of(new Attribute("x"),
                new Attribute("y", List.of("no", "yes")))), 0);
        d.setClassIndex(1);
        return d;
    }

    @Test
    void computesEceMceBrierMeanConfidenceAndNllByHand() {
        Instances d = twoClasses();
        CalibrationMetric m = new CalibrationMetric();
        // confidences 0.9 (right), 0.9 (wrong), 0.6 (right): bins (0.8667, 0.9333] and (0.6, 0.6667]
        double[][] p = {{0.9, 0.1}, {0.9, 0.1}, {0.4, 0.6}};
        double[] actual = {0, 1, 1};
        for (int i = 0; i < p.length; i++) {
            m.updateStatsForClassifier(p[i], new DenseInstance(1, new double[] {0, actual[i]}) {{ setDataset(d); }});
        }
        // ECE = 2/3 |0.5 - 0.9| + 1/3 |1 - 0.6|; MCE = 0.4; Brier = (0.02 + 1.62 + 0.32) / 3
        assertEquals(2.0 / 3 * 0.4 + 1.0 / 3 * 0.4, m.getStatistic("ECE"), 1e-9);
        assertEquals(0.4, m.getStatistic("MCE"), 1e-9);
        assertEquals((0.02 + 1.62 + 0.32) / 3, m.getStatistic("Brier"), 1e-9);
        // mean confidence 0.8 against an accuracy of 2/3: over-confident; NLL = -(ln 0.9 + ln 0.1 + ln 0.6) / 3
        assertEquals(0.8, m.getStatistic("Mean_confidence"), 1e-9);
        assertEquals(0.972924, m.getStatistic("NLL"), 1e-6);
        // one instance per equal-mass bin: (|1 - 0.9| + |0 - 0.9| + |1 - 0.6|) / 3
        assertEquals((0.1 + 0.9 + 0.4) / 3, m.getStatistic("Adaptive_ECE"), 1e-9);
        assertEquals(List.of("Expected calibration error (ECE)         0.4",
                "Maximum calibration error (MCE)          0.4",
                "Adaptive ECE (equal-mass bins)           0.4667",
                "Brier score                              0.6533",
                "Mean confidence (top probability)        0.8",
                "Negative log-likelihood (NLL)            0.9729"),
                m.toSummaryString().lines().map(String::stripTrailing).toList());
    }

    @Test
    void printsAnInfiniteNllWhenTheActualClassGetsProbabilityZero() {
        Instances d = twoClasses();
        CalibrationMetric m = new CalibrationMetric();
        m.updateStatsForClassifier(new double[] {1, 0}, new DenseInstance(1, new double[] {0, 1}) {{ setDataset(d); }});
        assertEquals(Double.POSITIVE_INFINITY, m.getStatistic("NLL"));
        assertTrue(m.toSummaryString().contains("Negative log-likelihood (NLL)      Infinity"), m.toSummaryString());
    }

    @Test
    void addsResultColumnsToTheExperimenter() {
        InProcessWeka.registerMetric();
        List<String> columns = List.of(new ClassifierSplitEvaluator().getResultNames());
        assertTrue(columns.containsAll(List.of("ECE", "MCE", "Adaptive_ECE", "Brier", "Mean_confidence", "NLL")), columns.toString());
    }

    @Test
    void appearsInWekasEvaluationOutput() throws Exception {
        InProcessWeka.registerMetric();
        Instances train = FashionMnistSubsets.train();
        J48 tree = new J48();
        tree.buildClassifier(train);
        Evaluation e = new Evaluation(train);
        e.evaluateModel(tree, FashionMnistSubsets.test());
        String summary = e.toSummaryString();
        assertTrue(summary.contains("Expected calibration error (ECE)"), summary);
        assertTrue(summary.contains("Adaptive ECE (equal-mass bins)"), summary);
        assertTrue(summary.contains("Mean confidence (top probability)"), summary);
        assertTrue(summary.contains("Negative log-likelihood (NLL)"), summary);
        double ece = e.getPluginMetric("Calibration").getStatistic("ECE");
        assertTrue(ece > 0 && ece < 1, "ECE " + ece);
    }

    @Test
    void measuresAggregatedEvaluationsFromTheirPredictions() throws Exception {
        InProcessWeka.registerMetric();
        Instances train = FashionMnistSubsets.train();
        Instances test = FashionMnistSubsets.test();
        J48 tree = new J48();
        tree.buildClassifier(train);
        Evaluation whole = new Evaluation(train);
        whole.evaluateModel(tree, test);
        // as the KnowledgeFlow's ClassifierPerformanceEvaluator does: an evaluation per set, aggregated
        AggregateableEvaluation aggregate = new AggregateableEvaluation(new Evaluation(train));
        for (int half = 0; half < 2; half++) {
            Evaluation part = new Evaluation(train);
            part.evaluateModel(tree, new Instances(test, half * test.numInstances() / 2, test.numInstances() / 2));
            aggregate.aggregate(part);
        }
        for (String statistic : new String[] {"ECE", "MCE", "Adaptive_ECE", "Brier", "Mean_confidence", "NLL"}) {
            assertEquals(whole.getPluginMetric("Calibration").getStatistic(statistic),
                    aggregate.getPluginMetric("Calibration").getStatistic(statistic), 1e-12, statistic);
        }
    }
}
