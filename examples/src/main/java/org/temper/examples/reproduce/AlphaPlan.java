package org.temper.examples.reproduce;

import org.temper.onnx.recipe.Recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The experiments that train the replication's MLP with several label smoothing strengths (0 = hard
 * targets), each with seeds 1..N: their identity and their plan of trials, keyed alpha-A-seed-S.
 */
final class AlphaPlan {

    /**
     * What one trial does with its configuration.
     * @param <T> the trial type
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param alpha label smoothing's strength
         * @param seed the seed
         * @param recipe the replication's recipe with them
         * @param listeners progress listeners for the training
         * @return the finished trial
         * @throws Exception when training or measuring fails
         */
        T run(double alpha, long seed, Recipe recipe, List<org.temper.onnx.fit.TrainingListener> listeners)
                throws Exception;
    }

    private AlphaPlan() {
    }

    /**
     * @param name the experiment's name
     * @param data the images
     * @param scale examples and epochs
     * @param seeds seeds 1..seeds
     * @param alphas the strengths
     * @return the experiment these settings describe
     */
    static Experiment experiment(String name, ExperimentData data, Scale scale, int seeds, List<Double> alphas) {
        return new Experiment(name, data.name(), data.classes(), scale, seeds,
                alphas.stream().map(a -> "alpha-" + a).toList(),
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
     * @param experiment the experiment (its seeds and epochs)
     * @param alphas the strengths, in order
     * @param device the recipes' device
     * @param work what each trial does
     * @param <T> the trial type
     * @return one planned trial per alpha and seed, alpha by alpha
     */
    static <T> List<TrialLoop.Planned<T>> plan(Experiment experiment, List<Double> alphas, String device,
                                               Work<T> work) {
        List<TrialLoop.Planned<T>> plan = new ArrayList<>();
        for (double alpha : alphas) {
            for (long seed = 1; seed <= experiment.seeds(); seed++) {
                long s = seed;
                Recipe recipe = recipe(alpha, s, experiment.scale().epochs(), device);
                plan.add(new TrialLoop.Planned<>("alpha-" + alpha + "-seed-" + s,
                        String.format(Locale.ROOT, "alpha %.2f seed %d", alpha, s),
                        listeners -> work.run(alpha, s, recipe, listeners)));
            }
        }
        return plan;
    }
}
