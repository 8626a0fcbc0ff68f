package org.temper.examples.reproduce;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;

import java.util.List;

/**
 * Runs one trial: trains the recipe on the training part, predicts the held-out and test parts through
 * the trained network's {@link ModelSession}, and measures the test set before and after the two
 * temperature fits (15 equal-width bins).
 */
final class TrialRunner {

    static final CalibrationSettings SETTINGS = CalibrationSettings.defaults()
            .withMetrics(Metric.ACCURACY, Metric.ECE, Metric.NLL, Metric.MEAN_CONFIDENCE);

    private final DenseDataset train;
    private final DenseDataset heldOut;
    private final DenseDataset test;

    /**
     * @param train the training part
     * @param heldOut the held-out part, for the temperatures
     * @param test the test part, measured
     */
    TrialRunner(DenseDataset train, DenseDataset heldOut, DenseDataset test) {
        this.train = train;
        this.heldOut = heldOut;
        this.test = test;
    }

    /**
     * @param recipe the trial's recipe (its alpha and seed are the trial's)
     * @param listeners progress listeners
     * @return the measured trial
     * @throws Exception when training or prediction fails
     */
    Trial run(Recipe recipe, List<TrainingListener> listeners) throws Exception {
        long start = System.nanoTime();
        FitResult fit = new Training(recipe, listeners).run(train, null);
        float[] testLogits;
        Predictions held;
        try (ModelSession session = fit.network().session(Training.execution(recipe))) {
            held = predictions(session.logits(heldOut.features(), heldOut.size()), heldOut);
            testLogits = session.logits(test.features(), test.size());
        }
        Predictions tested = predictions(testLogits, test);
        CalibrationReport report = CalibrationReport.of(tested, SETTINGS);
        TemperatureFit byNll = TemperatureScaling.byNll().fit(held, SETTINGS);
        TemperatureFit byEce = TemperatureScaling.byEce().fit(held, SETTINGS);
        double alpha = recipe.objective() == Recipe.ObjectiveKind.HARD_TARGETS ? 0 : recipe.alpha();
        return new Trial(alpha, recipe.seed(), (System.nanoTime() - start) / 1e9, report.value(Metric.ACCURACY),
                report.value(Metric.ECE), report.value(Metric.NLL), report.value(Metric.MEAN_CONFIDENCE),
                byNll.temperature(), ece(tested, byNll), byEce.temperature(), ece(tested, byEce), fit.history(),
                test.numClasses(), labels(test), Trial.pack(testLogits));
    }

    private static double ece(Predictions tested, TemperatureFit fit) {
        return CalibrationReport.of(tested.withTemperature(fit.temperature()), SETTINGS).value(Metric.ECE);
    }

    private static int[] labels(DenseDataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) data.label(i);
        }
        return labels;
    }

    private static Predictions predictions(float[] logits, DenseDataset data) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = logits[i];
        }
        return Predictions.fromLogits(z, labels(data), data.numClasses());
    }
}
