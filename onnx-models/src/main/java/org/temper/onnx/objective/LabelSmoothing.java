package org.temper.onnx.objective;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

/**
 * Cross-entropy against label-smoothed targets (Szegedy et al. 2016): q = (1 - alpha) y + alpha u,
 * loss = -sum_k q_k log p_k, gradient p - q. Alpha 0 is plain cross-entropy with hard targets.
 * The smoothing distribution u is uniform over the K classes by default, uniform over the K - 1
 * wrong classes, or a given prior.
 */
public final class LabelSmoothing implements ExampleObjective {

    /** Where the smoothed probability mass goes. */
    public enum Variant {
        /** u_k = 1/K: the true class gets 1 - alpha + alpha/K (the papers' form). */
        UNIFORM,
        /** u_k = 1/(K-1) on the wrong classes: the true class gets exactly 1 - alpha. */
        OTHER_CLASSES,
        /** u_k = a given prior, such as the class frequencies. */
        PRIOR
    }

    private final double alpha;
    private final Variant variant;
    private final double[] prior;

    private LabelSmoothing(double alpha, Variant variant, double[] prior) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("Label smoothing alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = alpha;
        this.variant = variant;
        this.prior = prior;
    }

    /**
     * @param alpha smoothing strength in [0, 1)
     * @return cross-entropy with targets smoothed uniformly over the K classes
     */
    public static LabelSmoothing uniform(double alpha) {
        return new LabelSmoothing(alpha, Variant.UNIFORM, null);
    }

    /** @return plain cross-entropy with hard targets (alpha 0). */
    public static LabelSmoothing hardTargets() {
        return uniform(0);
    }

    /**
     * @param alpha smoothing strength in [0, 1)
     * @return cross-entropy with alpha spread over the K - 1 wrong classes
     */
    public static LabelSmoothing otherClasses(double alpha) {
        return new LabelSmoothing(alpha, Variant.OTHER_CLASSES, null);
    }

    /**
     * @param alpha smoothing strength in [0, 1)
     * @param prior a probability distribution over the classes (non-negative, summing to 1)
     * @return cross-entropy with alpha spread according to the prior
     */
    public static LabelSmoothing prior(double alpha, double[] prior) {
        double sum = 0;
        for (double p : prior) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("A smoothing prior needs non-negative entries, got " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("A smoothing prior must sum to 1, got " + sum);
        }
        return new LabelSmoothing(alpha, Variant.PRIOR, prior.clone());
    }

    /** @return the smoothing strength. */
    public double alpha() {
        return alpha;
    }

    /** @return the smoothing variant. */
    public Variant variant() {
        return variant;
    }

    @Override
    public ExampleLosses perExample(GraphBuilder b, ObjectiveInputs in) {
        Value target = smoothedTargets(b, in.labels(), in.numClasses(), in.logits().dtype());
        return SoftTargets.crossEntropy(b, target, b.logSoftmax(in.logits(), -1));
    }

    /**
     * @param b builder
     * @param labels [B] int64
     * @param k number of classes
     * @param t element type
     * @return [B, K] smoothed targets
     */
    Value smoothedTargets(GraphBuilder b, Value labels, int k, DType t) {
        if (variant == Variant.OTHER_CLASSES && k < 2) {
            throw new IllegalArgumentException("Smoothing over the other classes needs K >= 2");
        }
        if (variant == Variant.PRIOR && prior.length != k) {
            throw new IllegalArgumentException("The smoothing prior has " + prior.length + " entries for " + k + " classes");
        }
        Value hard = b.oneHot(labels, k, t);
        if (alpha == 0) {
            return hard;
        }
        double[] u = new double[k];
        for (int i = 0; i < k; i++) {
            u[i] = switch (variant) {
                case UNIFORM -> alpha / k;
                case OTHER_CLASSES -> alpha / (k - 1);
                case PRIOR -> alpha * prior[i];
            };
        }
        Value spread = b.constant(TensorData.ofReals(t, u, k));
        if (variant == Variant.OTHER_CLASSES) {
            // true class: 1 - alpha; others: alpha / (K - 1)
            double onTrue = 1 - alpha - alpha / (k - 1);
            return b.add(b.mul(hard, b.scalar(onTrue, t)), spread);
        }
        return b.add(b.mul(hard, b.scalar(1 - alpha, t)), spread);
    }

    @Override
    public String describe() {
        return alpha == 0 ? "cross-entropy (hard targets)"
                : "label smoothing alpha=" + alpha + " (" + variant.name().toLowerCase() + ")";
    }
}
