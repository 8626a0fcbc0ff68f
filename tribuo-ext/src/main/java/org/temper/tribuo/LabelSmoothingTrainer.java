package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.recipe.Recipe;

/**
 * Trains a network by cross-entropy against label-smoothed targets q = (1 - alpha) y + alpha u
 * (Szegedy et al. 2016). Alpha 0 is plain cross-entropy with hard targets. The smoothing
 * distribution u is uniform over the K classes ({@code UNIFORM}, the papers' form), uniform over
 * the K - 1 wrong classes ({@code OTHER_CLASSES}), or the class frequencies of the training data
 * ({@code PRIOR}).
 */
public final class LabelSmoothingTrainer extends NetworkTrainer {

    @Config(description = "Smoothing strength alpha in [0, 1); 0 trains on hard targets.")
    private double alpha = Recipe.defaults().alpha();

    @Config(description = "Where the smoothed mass goes: UNIFORM, OTHER_CLASSES or PRIOR (training class frequencies).")
    private LabelSmoothing.Variant variant = LabelSmoothing.Variant.UNIFORM;

    /** For OLCUT. */
    private LabelSmoothingTrainer() {
    }

    /**
     * @param alpha smoothing strength in [0, 1)
     * @param variant where the smoothed mass goes
     * @param settings network and optimisation settings
     * @param seed base seed
     */
    public LabelSmoothingTrainer(double alpha, LabelSmoothing.Variant variant, NetworkSettings settings, long seed) {
        super(settings, seed);
        this.alpha = alpha;
        this.variant = variant;
        postConfig();
    }

    /**
     * @param settings network and optimisation settings
     * @param seed base seed
     * @return a trainer of plain cross-entropy (alpha 0)
     */
    public static LabelSmoothingTrainer hardTargets(NetworkSettings settings, long seed) {
        return new LabelSmoothingTrainer(0, LabelSmoothing.Variant.UNIFORM, settings, seed);
    }

    @Override
    protected Recipe.Builder objective(Recipe.Builder recipe) {
        return recipe.objective(alpha == 0 ? Recipe.ObjectiveKind.HARD_TARGETS : Recipe.ObjectiveKind.LABEL_SMOOTHING)
                .alpha(alpha).smoothing(variant);
    }
}
