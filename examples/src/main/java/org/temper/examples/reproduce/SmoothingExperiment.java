package org.temper.examples.reproduce;

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
        return AlphaPlan.experiment(NAME, data, scale, seeds, PublishedSmoothing.ALPHAS);
    }

    /**
     * The trials, one per alpha and seed, in that order; each read back, or trained by {@link TrialLoop#run} and stored.
     * @param experiment what to run
     * @param store the experiment's folder
     * @param runner the data's trial runner
     * @param device the recipes' device
     * @return the plan
     */
    static TrialLoop<SmoothingTrial> plan(Experiment experiment, TrialStore<SmoothingTrial> store,
                                          TrialRunner runner, String device) {
        List<TrialLoop.Planned<SmoothingTrial>> plan = AlphaPlan.plan(experiment, PublishedSmoothing.ALPHAS, device,
                (alpha, seed, recipe, listeners) -> SmoothingTrial.of(alpha, seed,
                        runner.train(recipe, null, listeners)));
        return new TrialLoop<>(store, device, plan, t -> String.format(Locale.ROOT,
                "test accuracy %.2f%%, ECE %.4f", 100 * t.test().accuracy(), t.test().ece()));
    }
}
