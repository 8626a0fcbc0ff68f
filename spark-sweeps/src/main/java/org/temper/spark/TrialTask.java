package org.temper.spark;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one trial where it is called (the driver's JVM in-process, an executor on Spark): reads the data,
 * trains the recipe with {@link Training}, predicts the test set through the trained network's
 * {@link ModelSession}, measures it and stores the result in the sweep's folder. A trial whose result is
 * already stored is not run again; a trial that fails or diverges becomes a failed result with its
 * message, so that the sweep goes on.
 */
final class TrialTask {

    private TrialTask() {
    }

    /**
     * @param trial the trial
     * @param data its data
     * @param measures what to measure
     * @param out the sweep's folder
     * @param device the device to use instead of the recipe's (a GPU Spark assigned), or null
     * @param threads the ONNX Runtime threads to use when the recipe leaves them at 0, or 0
     * @return the stored result: this run's, or one an earlier attempt stored
     */
    static TrialResult run(Trial trial, SweepData data, Measures measures, String out, String device, int threads) {
        SweepFolder folder = SweepFolder.at(out);
        Optional<TrialResult> stored = folder.stored(trial.index()).filter(TrialResult::ok);
        if (stored.isPresent()) {
            return stored.get();
        }
        TrialResult result = train(trial, data, measures, device, threads);
        try {
            return folder.save(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store trial " + trial.index() + " in " + out + ": "
                    + e.getMessage(), e);
        }
    }

    private static TrialResult train(Trial trial, SweepData data, Measures measures, String device, int threads) {
        long start = System.nanoTime();
        Recipe.Builder b = trial.recipe().toBuilder();
        if (device != null) {
            b.device(device);
        }
        Recipe recipe = b.build();
        if (recipe.threads() == 0 && threads > 0) {
            recipe = recipe.toBuilder().threads(threads).build();
        }
        String host = host();
        try {
            SweepData.Sets sets = data.read();
            FitResult fit = new Training(recipe, List.of()).run(sets.train(), null);
            float[] logits;
            try (ModelSession session = fit.network().session(Training.execution(recipe))) {
                logits = session.logits(sets.test().features(), sets.test().size());
            }
            CalibrationReport report = CalibrationReport.of(predictions(logits, sets.test().labels(),
                    sets.test().numClasses()), measures.settings());
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Metric m : measures.metrics()) {
                metrics.put(m.key(), report.value(m));
            }
            return new TrialResult(trial.index(), trial.point(), trial.settings(), TrialResult.OK, null, metrics,
                    fit.history().size(), seconds(start), host, recipe.device(), recipe.threads());
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return new TrialResult(trial.index(), trial.point(), trial.settings(), TrialResult.FAILED, message,
                    Map.of(), 0, seconds(start), host, recipe.device(), recipe.threads());
        }
    }

    private static Predictions predictions(float[] logits, long[] labels, int classes) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = logits[i];
        }
        int[] y = new int[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) labels[i];
        }
        return Predictions.fromLogits(z, y, classes);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** @return this machine's name, for results and messages */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
