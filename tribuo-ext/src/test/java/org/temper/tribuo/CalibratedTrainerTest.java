package org.temper.tribuo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.test.Helpers;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multinomial logistic regression (a Temper network without hidden layers, hard targets, 40 epochs:
 * over-confident on 2,000 Fashion-MNIST images of 10 classes) calibrated by cross-fitting and by a
 * holdout, measured on 1,000 other images.
 */
class CalibratedTrainerTest {

    private static Dataset<Label> train;
    private static Dataset<Label> test;
    private static CalibratedModel crossFitted;

    private static LabelSmoothingTrainer logisticRegression() {
        return LabelSmoothingTrainer.hardTargets(new NetworkSettings().hiddenSizes().epochs(40, 64)
                .device("cpu", 2), 5);
    }

    private static CalibratedTrainer threeFolds() {
        return CalibratedTrainer.crossFitted(logisticRegression(), CalibrationMethod.ISOTONIC, 3, 11);
    }

    @BeforeAll
    static void train() {
        train = FashionMnist.train();
        test = FashionMnist.test();
        crossFitted = threeFolds().train(train);
    }

    @Test
    void crossFittingLowersTheTestEce() {
        double before = CalibratedModelTest.ece(logisticRegression().train(train), test);
        double after = CalibratedModelTest.ece(crossFitted, test);
        // measured: 0.152 -> 0.028
        assertTrue(before > 0.1, "logistic regression is over-confident here: ECE " + before);
        assertTrue(after < 0.05 && after < before / 3, before + " -> " + after);
    }

    @Test
    void threeFoldsGiveThreeModelsEachCalibratedOnTheFoldItDidNotLearn() {
        assertEquals(3, crossFitted.members().size());
        assertEquals(3, crossFitted.calibrationMaps().size());
        var run = crossFitted.getProvenance().getInstanceProvenance().getMap();
        int heldOut = 0;
        for (int m = 0; m < 3; m++) {
            String data = run.get("calibration-data-" + m).toString();
            String learnt = crossFitted.members().get(m).getProvenance().getDatasetProvenance().toString();
            assertTrue(data.contains("calibration-part-" + m + "-held-out"), data);
            assertTrue(learnt.contains("calibration-part-" + m + "-train"), learnt);
            int size = crossFitted.members().get(m).getProvenance().getDatasetProvenance().getNumExamples();
            assertTrue(Math.abs(size - 2000 * 2 / 3.0) <= 10, "fold " + m + " trained on " + size);
            heldOut += 2000 - size;
        }
        assertEquals(2000, heldOut, "the held-out parts cover the data once");
        assertEquals(crossFitted.getProvenance().getDatasetProvenance(), train.getProvenance());
        assertEquals(10, crossFitted.predict(test.getExample(0)).getOutputScores().size());
    }

    @Test
    void trainingIsDeterministic() {
        CalibratedTrainer again = threeFolds();
        CalibratedModel twin = again.train(train);
        assertEquals(0.0, Comparisons.maxDifference(crossFitted.predict(test), twin.predict(test)));
        CalibratedModel second = again.train(train);
        assertTrue(Comparisons.maxDifference(twin.predict(test), second.predict(test)) > 0,
                "a second call draws new folds and seeds");
        again.setInvocationCount(1);
        assertEquals(0.0, Comparisons.maxDifference(second.predict(test), again.train(train).predict(test)));
    }

    @Test
    void aHoldoutFractionTrainsOneModelOnTheRestStratified() {
        CalibratedModel held = CalibratedTrainer.heldOut(logisticRegression(), CalibrationMethod.TEMPERATURE, 0.25, 3)
                .train(train);
        assertEquals(1, held.members().size());
        int learnt = held.members().get(0).getProvenance().getDatasetProvenance().getNumExamples();
        Map<String, Long> counts = classCounts(train);
        long expected = counts.values().stream().mapToLong(c -> Math.round(0.25 * c)).sum();
        assertEquals(2000 - expected, learnt);
        double before = CalibratedModelTest.ece(held.members().get(0), test);
        double after = CalibratedModelTest.ece(held, test);
        // measured: 0.155 -> 0.116 (one temperature cannot fix all of it; cross-fitted isotonic reaches 0.028)
        assertTrue(after < before - 0.02, before + " -> " + after);
    }

    private static Map<String, Long> classCounts(Dataset<Label> data) {
        Map<String, Long> counts = new HashMap<>();
        data.forEach(e -> counts.merge(e.getOutput().getLabel(), 1L, Long::sum));
        return counts;
    }

    @Test
    void provenanceHoldsTheInnerTrainerAndMarshals() {
        String trainer = crossFitted.getProvenance().getTrainerProvenance().toString();
        assertTrue(trainer.contains("CalibratedTrainer") && trainer.contains("LabelSmoothingTrainer")
                && trainer.contains("ISOTONIC") && trainer.contains("folds"), trainer);
        assertEquals("isotonic", crossFitted.getProvenance().getInstanceProvenance().getMap()
                .get("calibration-method").toString());
        Helpers.testProvenanceMarshalling(crossFitted.getProvenance());
    }

    @Test
    void theCrossFittedEnsembleRoundTripsThroughProtobuf() {
        Model<Label> back = Helpers.testModelProtoSerialization(crossFitted, Label.class, test);
        assertEquals(3, ((CalibratedModel) back).members().size());
    }

    @Test
    void badSettingsAndDataAreRefusedBeforeTraining() {
        IllegalArgumentException folds = assertThrows(IllegalArgumentException.class,
                () -> CalibratedTrainer.crossFitted(logisticRegression(), CalibrationMethod.PLATT, 1, 1));
        assertTrue(folds.getMessage().contains("folds >= 2, got 1"), folds.getMessage());
        for (double bad : new double[] {-0.1, 1, Double.NaN}) {
            IllegalArgumentException holdout = assertThrows(IllegalArgumentException.class,
                    () -> CalibratedTrainer.heldOut(logisticRegression(), CalibrationMethod.PLATT, bad, 1));
            assertTrue(holdout.getMessage().contains("holdoutFraction must be in (0, 1)"), holdout.getMessage());
        }
        MutableDataset<Label> few = FashionMnist.slice(0, 30);
        String rare = classCounts(few).entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long count = classCounts(few).get(rare);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> CalibratedTrainer.crossFitted(logisticRegression(), CalibrationMethod.PLATT, (int) count + 1, 1)
                        .train(few));
        assertTrue(small.getMessage().contains("fewer than the " + (count + 1) + " cross-fitting folds")
                && small.getMessage().contains("use at most"), small.getMessage());
        IllegalArgumentException scores = assertThrows(IllegalArgumentException.class,
                () -> CalibratedTrainer.crossFitted(DummyClassifierTrainer.createMostFrequentTrainer(),
                        CalibrationMethod.PLATT, 2, 1).train(FashionMnist.slice(0, 100)));
        assertTrue(scores.getMessage().contains("needs probabilities"), scores.getMessage());
        IllegalArgumentException bins = assertThrows(IllegalArgumentException.class,
                () -> CalibratedTrainer.heldOut(logisticRegression(), CalibrationMethod.HISTOGRAM, 0.25, 1)
                        .train(FashionMnist.slice(0, 50)));
        assertTrue(bins.getMessage().matches("Held-out set 0 \\(\\d+ examples\\) cannot fit histogram: histogram binning"
                + " \\(equal-mass, 15 bins\\) needs at least 15 held-out examples, got \\d+ \\(classes 0 to 9: .*\\);"
                + " hold out more data"), bins.getMessage());
    }
}
