package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.objective.Annealing;
import org.temper.onnx.objective.ConfidencePenalty;
import org.temper.onnx.objective.Objective;

/**
 * Trains a network by cross-entropy minus beta times the entropy of its prediction (Pereyra et al.
 * 2017), which penalises confident output distributions. The weight can be annealed from 0 up to
 * beta over training, and the hinge form penalises only entropy below a threshold G:
 * beta max(0, G - H).
 */
public final class ConfidencePenaltyTrainer extends NetworkTrainer {

    /** How the penalty weight grows towards beta over training. */
    public enum AnnealingType {
        /** Beta from the first step. */
        CONSTANT,
        /** Growing linearly from 0 at the first step to beta at the last. */
        LINEAR,
        /** (1 - exp(-r progress)) / (1 - exp(-r)) of beta, rising early for a large rate r. */
        EXPONENTIAL
    }

    @Config(description = "Penalty weight beta >= 0.")
    private double beta = 0.5;

    @Config(description = "Annealing of the weight: CONSTANT, LINEAR or EXPONENTIAL.")
    private AnnealingType annealing = AnnealingType.CONSTANT;

    @Config(description = "Rate r > 0 of EXPONENTIAL annealing.")
    private double annealingRate = 5;

    @Config(description = "Hinge threshold G in nats: penalise only entropy below G. Negative for the plain penalty.")
    private double hingeThreshold = -1;

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
        this(beta, AnnealingType.CONSTANT, -1, settings, seed);
    }

    /**
     * @param beta the (full) penalty weight, &gt;= 0
     * @param annealing how the weight grows over training (EXPONENTIAL uses rate 5)
     * @param hingeThreshold entropy G below which entropy is penalised, or negative for the plain penalty
     * @param settings network and optimisation settings
     * @param seed base seed
     */
    public ConfidencePenaltyTrainer(double beta, AnnealingType annealing, double hingeThreshold,
                                    NetworkSettings settings, long seed) {
        super(settings, seed);
        this.beta = beta;
        this.annealing = annealing;
        this.hingeThreshold = hingeThreshold;
        postConfig();
    }

    @Override
    public synchronized void postConfig() {
        super.postConfig();
        penalty();
    }

    @Override
    protected Objective objective(DenseDataset data) {
        return penalty();
    }

    private ConfidencePenalty penalty() {
        Annealing schedule = switch (annealing) {
            case CONSTANT -> Annealing.constant();
            case LINEAR -> Annealing.linear();
            case EXPONENTIAL -> Annealing.exponential(annealingRate);
        };
        ConfidencePenalty p = ConfidencePenalty.annealed(beta, schedule);
        return hingeThreshold < 0 ? p : p.withHinge(hingeThreshold);
    }

    @Override
    public String toString() {
        return "ConfidencePenaltyTrainer(" + penalty().describe() + ")";
    }
}
