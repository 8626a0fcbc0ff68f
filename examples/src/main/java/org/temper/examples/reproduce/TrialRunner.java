package org.temper.examples.reproduce;

import org.temper.calibration.Predictions;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;

import java.util.List;

/**
 * Trains one recipe of an experiment on the data's training part and predicts the calibration part
 * (held-out images, or the test set when none are held out) and the test set through the trained
 * network's {@link ModelSession}.
 */
final class TrialRunner {

    private final ExperimentData data;

    /** @param data the experiment's images */
    TrialRunner(ExperimentData data) {
        this.data = data;
    }

    /** @return the experiment's images */
    ExperimentData data() {
        return data;
    }

    /**
     * A trained network with its predictions.
     * @param fit the training's result (the network, the epoch history)
     * @param calibration predictions of the calibration part, for temperature fits
     * @param test predictions of the test set
     * @param testLogits the test logits as the network gave them
     * @param seconds wall-clock seconds of training and predicting
     */
    record Trained(FitResult fit, Predictions calibration, Predictions test, float[] testLogits, double seconds) {
        /** @return the test logits for a trial file */
        StoredLogits storedTest() {
            return StoredLogits.of(testLogits, test);
        }
    }

    /**
     * @param recipe the trial's recipe
     * @param teacherLogits logits of a teacher on the training part, row-major, for distillation; else null
     * @param listeners progress listeners
     * @return the trained network and its predictions
     * @throws Exception when training or prediction fails
     */
    Trained train(Recipe recipe, float[] teacherLogits, List<TrainingListener> listeners) throws Exception {
        long start = System.nanoTime();
        FitResult fit = new Training(recipe, listeners).run(data.train(), teacherLogits);
        float[] calibration;
        float[] test;
        try (ModelSession session = fit.network().session(Training.execution(recipe))) {
            test = session.logits(data.test().features(), data.test().size());
            calibration = data.heldOut() == null ? test
                    : session.logits(data.calibration().features(), data.calibration().size());
        }
        return new Trained(fit, predictions(calibration, data.calibration()), predictions(test, data.test()), test,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * @param fit a trained network
     * @param recipe its recipe (device and threads)
     * @param part examples
     * @return the network's logits on them, row-major
     * @throws Exception when prediction fails
     */
    static float[] logits(FitResult fit, Recipe recipe, DenseDataset part) throws Exception {
        try (ModelSession session = fit.network().session(Training.execution(recipe))) {
            return session.logits(part.features(), part.size());
        }
    }

    /**
     * @param logits row-major logits
     * @param data the examples they are of
     * @return the predictions with the examples' labels
     */
    static Predictions predictions(float[] logits, DenseDataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) data.label(i);
        }
        return predictions(logits, labels, data.numClasses());
    }

    /**
     * @param logits row-major logits
     * @param labels the labels
     * @param classes the number of classes
     * @return the predictions
     */
    static Predictions predictions(float[] logits, int[] labels, int classes) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = logits[i];
        }
        return Predictions.fromLogits(z, labels, classes);
    }
}
