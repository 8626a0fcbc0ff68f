package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.temper.onnx.recipe.Recipe;

/**
 * Trains a network by cross-entropy minus beta times the entropy of its prediction (Pereyra et al.
 * 2017), which penalises confident output distributions. The weight can be annealed from 0 up to
 * beta over training, and the hinge form penalises only entropy below a threshold G:
 * beta max(0, G - H).
 */
public final class ConfidencePenaltyTrainer extends NetworkTrainer {

    @Config(description = "Penalty weight beta >= 0.")
    private double beta = Recipe.defaults().penalty();

    @Config(description = "Annealing of the weight: CONSTANT, LINEAR or EXPONENTIAL.")
    private Recipe.Annealing annealing = Recipe.defaults().annealing();

    @Config(description = "Whether only entropy below hingeThreshold is penalised (the hinge form).")
    private boolean useHinge;

    @Config(description = "With useHinge: the entropy G >= 0 in nats below which entropy is penalised.")
    private double hingeThreshold = 1;

    /** For OLCUT. */
    private ConfidencePenaltyTrainer() {
    }

    /**
     * A penalty at full weight throughout, without a hinge.
     * @param beta the penalty weight, &gt;= 0
     * @param settings network and optimisation settings
     * @param seed base seed
     */
    public ConfidencePenaltyTrainer(double beta, NetworkSettings settings, long seed) {
        this(beta, Recipe.Annealing.CONSTANT, null, settings, seed);
    }

    /**
     * @param beta the (full) penalty weight, &gt;= 0
     * @param annealing how the weight grows over training
     * @param hingeThreshold entropy G in nats below which entropy is penalised, or null for the plain penalty
     * @param settings network and optimisation settings
     * @param seed base seed
     */
    public ConfidencePenaltyTrainer(double beta, Recipe.Annealing annealing, Double hingeThreshold,
                                    NetworkSettings settings, long seed) {
        super(settings, seed);
        this.beta = beta;
        this.annealing = annealing;
        this.useHinge = hingeThreshold != null;
        this.hingeThreshold = hingeThreshold == null ? 1 : hingeThreshold;
        postConfig();
    }

    @Override
    protected Recipe.Builder objective(Recipe.Builder recipe) {
        return recipe.objective(Recipe.ObjectiveKind.CONFIDENCE_PENALTY).penalty(beta).annealing(annealing)
                .hinge(useHinge ? hingeThreshold : null);
    }
}
