package org.temper.examples.reproduce;

import org.temper.calibration.analysis.PenultimateProjection;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.temper.onnx.zoo.Mlp;

import java.util.List;
import java.util.Locale;

/**
 * Issue 11's fourth experiment (Mueller et al. 2019, figure 1, with the replication's exact
 * construction, science.md): the replication's MLP trained with hard targets and with label smoothing
 * alpha = 0.1; the rows of its final weight matrix for three classes are the templates, and the
 * penultimate activations of those classes' training and test images are projected onto the plane
 * through the templates ({@link PenultimateProjection}).
 */
final class ProjectionExperiment {

    /** The experiment's name in experiment.json and on the command line. */
    static final String NAME = "projection";
    /** Hard targets and Mueller et al.'s alpha for their projections. */
    static final List<Double> ALPHAS = List.of(0.0, 0.1);
    /** The three classes: in Fashion-MNIST T-shirt/top, Trouser, Pullover (two similar tops, one unlike them). */
    static final List<Integer> CLASSES = List.of(0, 1, 2);
    /** Training images per class projected (the first ones of the part trained on). */
    static final int TRAIN_PER_CLASS = 500;
    /** 20,000 training images, 10 epochs, no held-out part: a minute or two on 2 idle cores. */
    static final Scale QUICK = new Scale(20_000, 0, 0, 10);
    /** The replication's 100 epochs on all 60,000 training images. */
    static final Scale FULL = new Scale(60_000, 0, 0, 100);

    private ProjectionExperiment() {
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
     * The trials, one per alpha and seed; each read back, or trained, projected and stored.
     * @param experiment what to run
     * @param store the experiment's folder
     * @param runner the data's trial runner
     * @param device the recipes' device
     * @return the plan
     */
    static TrialLoop<ProjectionTrial> plan(Experiment experiment, TrialStore<ProjectionTrial> store,
                                           TrialRunner runner, String device) {
        List<TrialLoop.Planned<ProjectionTrial>> plan = AlphaPlan.plan(experiment, ALPHAS, device,
                (alpha, seed, recipe, listeners) -> project(alpha, seed, recipe,
                        runner.train(recipe, null, listeners), runner.data()));
        return new TrialLoop<>(store, device, plan, t -> String.format(Locale.ROOT,
                "test accuracy %.2f%%, test clusters: spread / distance %.3f, unevenness %.3f",
                100 * t.test().accuracy(), t.testPoints().shape().tightness(), t.testPoints().shape().unevenness()));
    }

    private static ProjectionTrial project(double alpha, long seed, Recipe recipe, TrialRunner.Trained trained,
                                           ExperimentData data) throws Exception {
        TrainedNetwork network = trained.fit().network();
        float[] w = network.parameter(Mlp.weightName(ReplicationRecipe.HIDDEN.length)).toFloats();
        int width = w.length / data.classes();
        double[][] rows = new double[3][width];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < width; j++) {
                rows[c][j] = w[CLASSES.get(c) * width + j];
            }
        }
        PenultimateProjection plane = PenultimateProjection.of(rows[0], rows[1], rows[2]);
        double[][] templates = new double[3][];
        for (int c = 0; c < 3; c++) {
            templates[c] = plane.templateCoordinates(c);
        }
        try (ModelSession session = network.session(Training.execution(recipe))) {
            return new ProjectionTrial(alpha, seed, trained.seconds(), Measurement.of(trained.test()),
                    trained.fit().history(), templates,
                    projected(plane, session, data.train(), TRAIN_PER_CLASS),
                    projected(plane, session, data.test(), Integer.MAX_VALUE));
        }
    }

    private static ProjectedPart projected(PenultimateProjection plane, ModelSession session, DenseDataset part,
                                           int perClass) throws Exception {
        DenseDataset chosen = part.subset(ExperimentData.examplesOf(part, CLASSES, perClass));
        int[] classes = new int[chosen.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = CLASSES.indexOf((int) chosen.label(i));
        }
        return ProjectedPart.of(plane, session.penultimate(chosen.features(), chosen.size()), classes);
    }
}
