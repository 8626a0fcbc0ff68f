package org.temper.examples.reproduce;

import org.temper.onnx.recipe.Recipe;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 11's first experiment: the replication's fully connected net ({@link ReplicationRecipe},
 * 784-1200-1200-K) trained with label smoothing alpha in {0, 0.05, 0.1, 0.15, 0.3}, each alpha with
 * seeds 1..N; finished trials are read back from the {@link TrialStore} instead of trained again.
 */
public final class SmoothingExperiment {

    /** The experiment's name in experiment.json and on the command line. */
    public static final String NAME = "smoothing";

    private SmoothingExperiment() {
    }

    /**
     * @param data the images
     * @param scale examples and epochs
     * @param seeds seeds 1..seeds
     * @return the experiment these settings describe
     */
    static Experiment experiment(ExperimentData data, Scale scale, int seeds) {
        return new Experiment(NAME, data.name(), data.classes(), scale, seeds,
                PublishedSmoothing.ALPHAS.stream().map(a -> "alpha-" + a).toList(),
                Experiment.shared(recipe(0, 1, scale.epochs(), "cpu").settings(), "objective"));
    }

    /**
     * @param alpha label smoothing's strength, 0 for hard targets
     * @param seed the seed
     * @param epochs epochs
     * @param device the device
     * @return the replication's recipe with this alpha and seed
     */
    static Recipe recipe(double alpha, long seed, int epochs, String device) {
        Recipe.Builder b = ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, epochs, device, seed);
        return (alpha == 0 ? b.objective(Recipe.ObjectiveKind.HARD_TARGETS)
                : b.objective(Recipe.ObjectiveKind.LABEL_SMOOTHING).alpha(alpha)).build();
    }

    /**
     * The trials, one per alpha and seed, in that order; each either read back or trained and stored.
     * @param experiment what to run
     * @param store the experiment's folder
     * @param runner the data's trial runner
     * @param device the recipes' device
     * @param out the console
     * @return the trials and how many were trained now
     * @throws Exception when training fails or a trial cannot be stored
     */
    static TrialLoop.Outcome<SmoothingTrial> run(Experiment experiment, TrialStore<SmoothingTrial> store,
                                                 TrialRunner runner, String device, PrintStream out) throws Exception {
        List<TrialLoop.Planned<SmoothingTrial>> plan = new ArrayList<>();
        for (double alpha : PublishedSmoothing.ALPHAS) {
            for (long seed = 1; seed <= experiment.seeds(); seed++) {
                long s = seed;
                Recipe recipe = recipe(alpha, s, experiment.scale().epochs(), device);
                plan.add(new TrialLoop.Planned<>("alpha-" + alpha + "-seed-" + s,
                        String.format(Locale.ROOT, "alpha %.2f seed %d", alpha, s),
                        listeners -> SmoothingTrial.of(alpha, s, runner.train(recipe, null, listeners))));
            }
        }
        return new TrialLoop<>(store, device, out).run(plan, t -> String.format(Locale.ROOT,
                "test accuracy %.2f%%, ECE %.4f", 100 * t.test().accuracy(), t.test().ece()));
    }
}
