package org.temper.examples.reproduce;

import org.temper.examples.ConsoleProgress;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.zoo.Initializer;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 11's first experiment: the replication's fully connected net (784-1200-1200-K, ReLU, every
 * weight and bias N(0, 0.03), SGD momentum 0.9 with dampening 0.9, layer rates 1 / 1 / 0.1 decayed
 * linearly to 0 per epoch, batch 512, random shifts of up to 2 pixels, raw [0, 1] pixels) trained with
 * label smoothing alpha in {0, 0.05, 0.1, 0.15, 0.3}, each alpha with seeds 1..N; finished trials are
 * read back from the {@link TrialStore} instead of trained again.
 */
public final class SmoothingExperiment {

    /** The experiment's name in experiment.json and on the command line. */
    public static final String NAME = "smoothing";

    private final Experiment experiment;
    private final String device;
    private final TrialRunner runner;
    private final PrintStream out;

    /**
     * @param experiment what to run
     * @param device the recipe's device (cpu, cuda, cuda:N)
     * @param runner the data's trial runner
     * @param out the console
     */
    SmoothingExperiment(Experiment experiment, String device, TrialRunner runner, PrintStream out) {
        this.experiment = experiment;
        this.device = device;
        this.runner = runner;
        this.out = out;
    }

    /**
     * @param data the data as given
     * @param classes its number of classes
     * @param scale examples and epochs
     * @param seeds seeds 1..seeds
     * @return the experiment these settings describe
     */
    static Experiment experiment(String data, int classes, Scale scale, int seeds) {
        Map<String, String> shared = new LinkedHashMap<>(recipe(0, 1, scale.epochs(), "cpu").settings());
        List.of("objective", "seed", "device", "threads").forEach(shared::remove);
        return new Experiment(NAME, data, classes, scale, seeds, PublishedSmoothing.ALPHAS, shared);
    }

    /**
     * @param alpha label smoothing's strength, 0 for hard targets
     * @param seed the seed
     * @param epochs epochs
     * @param device the device
     * @return the replication's recipe with this alpha and seed
     */
    static Recipe recipe(double alpha, long seed, int epochs, String device) {
        Recipe.Builder b = Recipe.builder().hidden(1200, 1200).dropout(0).initializer(Initializer.NORMAL_003)
                .optimizer(Recipe.OptimizerKind.SGD).learningRate(1).layerRates(1, 1, 0.1).momentum(0.9)
                .dampening(0.9).schedule(Recipe.Schedule.LINEAR).epochs(epochs).batchSize(512).augmentShift(2)
                .preprocessing(Recipe.Preprocessing.NONE).device(device).seed(seed);
        return (alpha == 0 ? b.objective(Recipe.ObjectiveKind.HARD_TARGETS)
                : b.objective(Recipe.ObjectiveKind.LABEL_SMOOTHING).alpha(alpha)).build();
    }

    /**
     * The trials, one per alpha and seed, in that order; each either read back or trained and stored.
     * @param store the experiment's folder
     * @return the trials and how many were trained now
     * @throws Exception when training fails or a trial cannot be stored
     */
    Outcome run(TrialStore store) throws Exception {
        List<Trial> trials = new ArrayList<>();
        int total = experiment.alphas().size() * experiment.seeds();
        int trained = 0;
        for (double alpha : experiment.alphas()) {
            for (long seed = 1; seed <= experiment.seeds(); seed++) {
                String label = String.format(Locale.ROOT, "[%d/%d] alpha %.2f seed %d", trials.size() + 1, total,
                        alpha, seed);
                Optional<Trial> stored = store.find(alpha, seed);
                Trial trial;
                if (stored.isPresent()) {
                    trial = stored.get();
                    out.println(label + ": read back from " + store.folder().resolve("trials"));
                } else {
                    List<TrainingListener> listeners = new ArrayList<>(List.of(new ConsoleProgress(label, out)));
                    if (trained == 0) {
                        listeners.add(new Estimate(total - trials.size()));
                    }
                    trial = runner.run(recipe(alpha, seed, experiment.scale().epochs(), device), listeners);
                    store.save(trial);
                    trained++;
                }
                out.printf(Locale.ROOT, "%s: test accuracy %.2f%%, ECE %.4f (%.0f s)%n", label, 100 * trial.accuracy(),
                        trial.ece(), trial.seconds());
                trials.add(trial);
            }
        }
        return new Outcome(trials, trained);
    }

    /**
     * @param trials every trial, per alpha then seed
     * @param trained how many were trained by this run (the rest were read back)
     */
    record Outcome(List<Trial> trials, int trained) {
    }

    /** Prints, after the first measured epoch, how long the remaining trials will take. */
    private final class Estimate implements TrainingListener {
        private final int remaining;
        private boolean printed;

        Estimate(int remaining) {
            this.remaining = remaining;
        }

        @Override
        public void onEpoch(EpochReport r) {
            if (!printed) {
                printed = true;
                double minutes = r.seconds() * r.epochs() * remaining / 60;
                out.printf(Locale.ROOT, "Estimate on %s from one measured epoch (%.1f s): %d trial(s) x %d epochs"
                        + " = about %.1f minutes (%.1f hours)%n", device, r.seconds(), remaining, r.epochs(), minutes,
                        minutes / 60);
            }
        }
    }
}
