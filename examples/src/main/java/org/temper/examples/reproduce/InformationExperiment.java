package org.temper.examples.reproduce;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.recipe.Training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 11's fifth experiment (Mueller et al. 2019, section 5, beyond the replication): the
 * replication's MLP trained as a teacher with hard targets and with label smoothing alpha = 0.1, and
 * after every epoch the {@link MutualInformation} between {@value #PER_CLASS} training examples of each
 * of two classes and the difference of their logits under the training's random shifts
 * ({@link InformationProbe}, {@value #PASSES} passes).
 */
final class InformationExperiment {

    /** The experiment's name in experiment.json and on the command line. */
    static final String NAME = "information";
    /** Hard targets and Mueller et al.'s alpha, as for the projections. */
    static final List<Double> ALPHAS = ProjectionExperiment.ALPHAS;
    /** The two classes: in Fashion-MNIST T-shirt/top and Pullover, two tops that resemble each other. */
    static final List<Integer> CLASSES = List.of(0, 2);
    /** Training examples per class (the first ones of the part trained on): N = 2 x this. */
    static final int PER_CLASS = 250;
    /** Augmented passes per example and epoch. */
    static final int PASSES = 10;
    private InformationExperiment() {
    }

    /**
     * @param data the images
     * @param scale examples and epochs
     * @param seeds seeds 1..seeds
     * @return the experiment these settings describe
     */
    static Experiment experiment(ExperimentData data, Scale scale, int seeds) {
        return AlphaPlan.experiment(NAME, data, scale, seeds, ALPHAS);
    }

    /**
     * @param data the images
     * @return the N probed training examples
     */
    static DenseDataset probed(ExperimentData data) {
        return data.train().subset(ExperimentData.examplesOf(data.train(), CLASSES, PER_CLASS));
    }

    /**
     * The trials, one per alpha and seed; each read back, or trained with the probe and stored.
     * @param experiment what to run
     * @param store the experiment's folder
     * @param runner the data's trial runner
     * @param device the recipes' device
     * @return the plan
     */
    static TrialLoop<InformationTrial> plan(Experiment experiment, TrialStore<InformationTrial> store,
                                            TrialRunner runner, String device) {
        DenseDataset probed = probed(runner.data());
        List<TrialLoop.Planned<InformationTrial>> plan = AlphaPlan.plan(experiment, ALPHAS, device,
                (alpha, seed, recipe, listeners) -> {
                    InformationProbe probe = new InformationProbe(probed, CLASSES.get(0), CLASSES.get(1), PASSES,
                            recipe.augmentShift(), Training.execution(recipe));
                    List<TrainingListener> all = new ArrayList<>(listeners);
                    all.add(probe);
                    TrialRunner.Trained t = runner.train(recipe, null, all);
                    return new InformationTrial(alpha, seed, t.seconds(), Measurement.of(t.test()), t.fit().history(),
                            probe.epochs());
                });
        return new TrialLoop<>(store, device, plan, t -> String.format(Locale.ROOT,
                "test accuracy %.2f%%, I(X;Y) after epoch 1 %.3f, after the last %.3f nats (log N = %.3f)",
                100 * t.test().accuracy(), t.information().get(0).estimate().information(),
                t.information().get(t.information().size() - 1).estimate().information(),
                Math.log(probed.size())));
    }
}
