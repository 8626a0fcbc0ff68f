package org.temper.examples.reproduce;

import org.temper.onnx.recipe.Recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 11's second experiment: the confidence penalty (Pereyra et al. 2017) on the replication's
 * fully connected net ({@link ReplicationRecipe}, 784-1200-1200-K) with weights b in
 * {0.1, 0.2, 0.5, 1, 2}, each constant, annealed linearly from 0, and in its hinge form, beside hard
 * targets (b = 0) and label smoothing with alpha 0.1; each with seeds 1..N. The hinge threshold G is
 * the entropy of label smoothing's target at alpha 0.1 (0.500 nats for K = 10): the hinge penalises
 * exactly the predictions more confident than the label smoothing it stands beside.
 */
public final class PenaltyExperiment {

    /** The experiment's name in experiment.json and on the command line. */
    public static final String NAME = "penalty";

    /** The penalty's weights of the issue; 0 is hard targets. */
    public static final List<Double> WEIGHTS = List.of(0.0, 0.1, 0.2, 0.5, 1.0, 2.0);

    /** Label smoothing's alpha beside the penalty: Pereyra et al.'s and the usual default. */
    public static final double SMOOTHING_ALPHA = 0.1;

    /** A few minutes on 2 idle cores: 10,000 training images, 10 epochs, the whole grid, all test images. */
    public static final Scale QUICK = new Scale(10_000, 0, 0, 10);

    /** The replication's 100 epochs on all 60,000 training images (nothing is held out: no temperatures are fitted). */
    public static final Scale FULL = new Scale(60_000, 0, 0, 100);

    private PenaltyExperiment() {
    }

    /**
     * @param classes K
     * @return hard targets, label smoothing, then each penalty variant for every nonzero weight
     */
    static List<PenaltyConfiguration> configurations(int classes) {
        List<PenaltyConfiguration> c = new ArrayList<>(List.of(
                new PenaltyConfiguration(PenaltyConfiguration.Variant.HARD, 0, null),
                new PenaltyConfiguration(PenaltyConfiguration.Variant.SMOOTHING, SMOOTHING_ALPHA, null)));
        double g = hingeThreshold(classes);
        for (PenaltyConfiguration.Variant v : List.of(PenaltyConfiguration.Variant.CONSTANT,
                PenaltyConfiguration.Variant.ANNEALED, PenaltyConfiguration.Variant.HINGE)) {
            for (double b : WEIGHTS.subList(1, WEIGHTS.size())) {
                c.add(new PenaltyConfiguration(v, b, v == PenaltyConfiguration.Variant.HINGE ? g : null));
            }
        }
        return c;
    }

    /**
     * @param classes K
     * @return the hinge threshold G: the entropy of label smoothing's target at {@link #SMOOTHING_ALPHA}
     */
    static double hingeThreshold(int classes) {
        return PenaltyTheory.smoothedTargetEntropy(SMOOTHING_ALPHA, classes);
    }

    /**
     * @param data the images
     * @param scale examples and epochs
     * @param seeds seeds 1..seeds
     * @return the experiment these settings describe
     */
    static Experiment experiment(ExperimentData data, Scale scale, int seeds) {
        return new Experiment(NAME, data.name(), data.classes(), scale, seeds,
                configurations(data.classes()).stream().map(PenaltyConfiguration::key).toList(),
                Experiment.shared(base(1, scale.epochs(), "cpu").objective(Recipe.ObjectiveKind.HARD_TARGETS)
                        .build().settings(), "objective"));
    }

    private static Recipe.Builder base(long seed, int epochs, String device) {
        return ReplicationRecipe.mlp(ReplicationRecipe.HIDDEN, epochs, device, seed);
    }

    /**
     * The trials, one per configuration and seed, in that order; each read back, or trained by {@link TrialLoop#run} and stored.
     * @param experiment what to run
     * @param store the experiment's folder
     * @param runner the data's trial runner
     * @param device the recipes' device
     * @return the plan
     */
    static TrialLoop<PenaltyTrial> plan(Experiment experiment, TrialStore<PenaltyTrial> store,
                                        TrialRunner runner, String device) {
        List<TrialLoop.Planned<PenaltyTrial>> plan = new ArrayList<>();
        for (PenaltyConfiguration c : configurations(experiment.classes())) {
            for (long seed = 1; seed <= experiment.seeds(); seed++) {
                long s = seed;
                Recipe recipe = c.recipe(base(s, experiment.scale().epochs(), device));
                plan.add(new TrialLoop.Planned<>(c.key() + "-seed-" + s, c.label() + " seed " + s,
                        listeners -> PenaltyTrial.of(c, s, runner.train(recipe, null, listeners))));
            }
        }
        return new TrialLoop<>(store, device, plan, t -> String.format(Locale.ROOT,
                "test accuracy %.2f%%, ECE %.4f, mean entropy %.3f", 100 * t.test().accuracy(), t.test().ece(),
                t.test().meanEntropy()));
    }
}
