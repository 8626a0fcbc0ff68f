package org.temper.onnx.objective;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

/**
 * Cross-entropy minus a weighted entropy of the prediction (Pereyra et al. 2017):
 * L = CE(y, p) - beta H(p), H(p) = -sum_k p_k log p_k, per example and averaged over the batch.
 * With dH/dz_k = -p_k (log p_k + H), the logit gradient is p - y + beta p (log p + H).
 * <p>The weight beta is read per step from {@link ObjectiveInputs#stepWeight()}, which the caller
 * fills with {@link #stepWeight}: beta times an {@link Annealing} factor. The hinge variant
 * penalises only entropy below a threshold G: L = CE + beta max(0, G - H), whose penalty gradient
 * is that of -beta H where H &lt; G and zero where H &gt;= G.
 */
public final class ConfidencePenalty implements ExampleObjective {

    private final double beta;
    private final Annealing annealing;
    private final Double hingeThreshold;

    private ConfidencePenalty(double beta, Annealing annealing, Double hingeThreshold) {
        if (!(beta >= 0 && Double.isFinite(beta))) {
            throw new IllegalArgumentException("Confidence penalty beta must be >= 0 and finite, got " + beta);
        }
        if (hingeThreshold != null && !(hingeThreshold >= 0 && Double.isFinite(hingeThreshold))) {
            throw new IllegalArgumentException("Confidence penalty hinge threshold must be >= 0 and finite, got "
                    + hingeThreshold);
        }
        this.beta = beta;
        this.annealing = annealing;
        this.hingeThreshold = hingeThreshold;
    }

    /**
     * @param beta the penalty weight, &gt;= 0
     * @return the penalty at full weight throughout training
     */
    public static ConfidencePenalty of(double beta) {
        return annealed(beta, Annealing.constant());
    }

    /**
     * @param beta the full penalty weight, &gt;= 0
     * @param annealing how the weight grows towards beta over training
     * @return the annealed penalty
     */
    public static ConfidencePenalty annealed(double beta, Annealing annealing) {
        return new ConfidencePenalty(beta, annealing, null);
    }

    /**
     * @param threshold the entropy G (in nats, at most log K to matter) below which entropy is penalised
     * @return this penalty in its hinge form beta max(0, G - H)
     */
    public ConfidencePenalty withHinge(double threshold) {
        return new ConfidencePenalty(beta, annealing, threshold);
    }

    /** @return beta times the annealing factor at that step. */
    @Override
    public double stepWeight(long step, long totalSteps) {
        return beta * annealing.factor(step, totalSteps);
    }

    @Override
    public ExampleLosses perExample(GraphBuilder b, ObjectiveInputs in) {
        if (in.stepWeight() == null) {
            throw new IllegalArgumentException(
                    "The confidence penalty reads its weight from ObjectiveInputs.stepWeight, which is missing");
        }
        Value logits = in.logits();
        DType t = logits.dtype();
        Value logp = b.logSoftmax(logits, -1);
        ExampleLosses ce = SoftTargets.crossEntropy(b, b.oneHot(in.labels(), in.numClasses(), t), logp);
        Value p = b.exp(logp);
        Value entropy = b.neg(b.reduceSum(b.mul(p, logp), false, 1));
        // -dH/dz = p (log p + H)
        Value minusEntropyGradient = b.mul(p, b.add(logp, b.unsqueeze(entropy, 1)));
        ExampleLosses penalty;
        if (hingeThreshold == null) {
            penalty = new ExampleLosses(b.neg(entropy), minusEntropyGradient);
        } else {
            Value gap = b.sub(b.scalar(hingeThreshold, t), entropy);
            Value active = b.unsqueeze(b.greater(gap, b.scalar(0, t)), 1);
            penalty = new ExampleLosses(b.relu(gap), b.where(active, minusEntropyGradient, b.scalar(0, t)));
        }
        return ce.plus(b, penalty.scale(b, in.stepWeight()));
    }

    @Override
    public String describe() {
        return "confidence penalty beta=" + beta + " annealing=" + annealing.describe()
                + (hingeThreshold == null ? "" : " hinge threshold=" + hingeThreshold);
    }
}
