package org.temper.tribuo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.tribuo.calibration.TribuoPredictions;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.common.tree.RandomForestTrainer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tribuo's own trainers wrapped in {@link CalibratedTrainer}, trained on the 2,000 Fashion-MNIST images of
 * {@link FashionMnist#train()} and measured (top-label ECE, 15 equal-width bins) on the 1,000 of
 * {@link FashionMnist#test()}; "before" is the same trainer on all 2,000 images. Tribuo's CART (depth at most 10,
 * leaf class frequencies as probabilities, many of them 0 or 1) is over-confident and gets isotonic regression;
 * Tribuo's logistic regression (linear SGD, AdaGrad, 5 epochs) gets temperature scaling; each by 3-fold
 * cross-fitting and by a 25% holdout. Tribuo's random forest (20 such trees of depth at most 8, each split choosing
 * among a random 10% of the pixels, their leaf frequencies averaged) is under-confident and gets isotonic regression
 * on a 25% holdout. The measured values are in docs/recalibration.md.
 */
class CalibratedTribuoTrainersTest {

    private static Dataset<Label> train;
    private static Dataset<Label> test;
    private static CalibrationReport cartBefore;
    private static CalibrationReport logisticBefore;
    private static CalibrationReport forestBefore;

    @BeforeAll
    static void trainTheUncalibratedModels() {
        train = FashionMnist.train();
        test = FashionMnist.test();
        cartBefore = report(cart().train(train));
        logisticBefore = report(new LogisticRegressionTrainer().train(train));
        forestBefore = report(forest().train(train));
    }

    private static RandomForestTrainer<Label> forest() {
        return new RandomForestTrainer<>(new CARTClassificationTrainer(8, 0.1f, 7), new FullyWeightedVotingCombiner(),
                20, 7);
    }

    private static CARTClassificationTrainer cart() {
        return new CARTClassificationTrainer(10);
    }

    private static CalibrationReport report(Model<Label> model) {
        return CalibrationReport.of(TribuoPredictions.of(model.predict(test), model.getOutputIDInfo()));
    }

    private static CalibrationReport calibrated(Trainer<Label> trainer) {
        return report(trainer.train(train));
    }

    @Test
    void cartClaimsNoProbabilitiesYetIsCalibratedFromItsLeafFrequencies() {
        assertFalse(cart().train(FashionMnist.slice(0, 200)).generatesProbabilities());
        assertTrue(cartBefore.value(Metric.ECE) > 0.2, "CART is over-confident: " + cartBefore.value(Metric.ECE));
    }

    @Test
    void heldOutIsotonicFixesCart() {
        double after = calibrated(CalibratedTrainer.heldOut(cart(), CalibrationMethod.ISOTONIC, 0.25, 5))
                .value(Metric.ECE);
        // measured: 0.236 -> 0.035
        assertTrue(after < 0.06, cartBefore.value(Metric.ECE) + " -> " + after);
    }

    @Test
    void crossFittedIsotonicHelpsCartLessAsTheAverageOfThreeTreesIsUnderConfident() {
        CalibrationReport after = calibrated(CalibratedTrainer.crossFitted(cart(), CalibrationMethod.ISOTONIC, 3, 5));
        // measured: ECE 0.236 -> 0.165, accuracy 0.708 -> 0.747: three calibrated trees that disagree average to
        // probabilities below their accuracy (scikit-learn's ensemble=True does the same)
        assertTrue(after.value(Metric.ECE) < cartBefore.value(Metric.ECE) - 0.04,
                cartBefore.value(Metric.ECE) + " -> " + after.value(Metric.ECE));
        assertTrue(after.value(Metric.MEAN_CONFIDENCE) < after.value(Metric.ACCURACY) - 0.1,
                after.value(Metric.MEAN_CONFIDENCE) + " vs accuracy " + after.value(Metric.ACCURACY));
        assertTrue(after.value(Metric.ACCURACY) > cartBefore.value(Metric.ACCURACY));
    }

    @Test
    void crossFittedTemperatureFixesLogisticRegression() {
        double after = calibrated(CalibratedTrainer.crossFitted(new LogisticRegressionTrainer(),
                CalibrationMethod.TEMPERATURE, 3, 5)).value(Metric.ECE);
        // measured: 0.222 -> 0.042 (Tribuo's SGD logistic regression is over-confident here)
        assertTrue(logisticBefore.value(Metric.ECE) > 0.15, "before: " + logisticBefore.value(Metric.ECE));
        assertTrue(after < 0.07, logisticBefore.value(Metric.ECE) + " -> " + after);
    }

    @Test
    void heldOutTemperatureFixesLogisticRegression() {
        double after = calibrated(CalibratedTrainer.heldOut(new LogisticRegressionTrainer(),
                CalibrationMethod.TEMPERATURE, 0.25, 5)).value(Metric.ECE);
        // measured: 0.222 -> 0.028
        assertTrue(after < 0.06, logisticBefore.value(Metric.ECE) + " -> " + after);
    }

    @Test
    void heldOutIsotonicFixesTheUnderConfidentRandomForest() {
        CalibrationReport after = calibrated(CalibratedTrainer.heldOut(forest(), CalibrationMethod.ISOTONIC, 0.25, 5));
        // measured: ECE 0.088 -> 0.027, mean confidence 0.720 -> 0.813, accuracy 0.808 -> 0.800
        assertTrue(forestBefore.value(Metric.ECE) > 0.06, "before: " + forestBefore.value(Metric.ECE));
        assertTrue(forestBefore.value(Metric.MEAN_CONFIDENCE) < forestBefore.value(Metric.ACCURACY) - 0.05,
                "under-confident: " + forestBefore.value(Metric.MEAN_CONFIDENCE) + " vs accuracy "
                        + forestBefore.value(Metric.ACCURACY));
        assertTrue(after.value(Metric.ECE) < 0.045, forestBefore.value(Metric.ECE) + " -> " + after.value(Metric.ECE));
    }
}
