package org.temper.examples.reproduce;

import org.temper.onnx.recipe.Recipe;

import java.util.Locale;

/**
 * One configuration of the penalty experiment: hard targets, label smoothing, or the confidence
 * penalty with one weight in one of its variants.
 *
 * @param variant which objective
 * @param weight label smoothing's alpha, the penalty's b, 0 for hard targets
 * @param hinge the hinge threshold G in nats for {@link Variant#HINGE}, else null
 */
public record PenaltyConfiguration(Variant variant, double weight, Double hinge) {

    /** The objectives compared. */
    public enum Variant {
        /** Cross-entropy with one-hot targets (the penalty with b = 0). */
        HARD,
        /** Label smoothing with alpha = weight. */
        SMOOTHING,
        /** CE - b H(p), b constant throughout training. */
        CONSTANT,
        /** CE - b_t H(p), b_t growing linearly from 0 at the first step to b at the last. */
        ANNEALED,
        /** CE + b max(0, G - H(p)), b constant. */
        HINGE
    }

    /**
     * @return the trials' file name prefix: hard, smoothing-A, penalty-B, annealed-B or hinge-B
     */
    String key() {
        return switch (variant) {
            case HARD -> "hard";
            case SMOOTHING -> "smoothing-" + weight;
            case CONSTANT -> "penalty-" + weight;
            case ANNEALED -> "annealed-" + weight;
            case HINGE -> "hinge-" + weight;
        };
    }

    /** @return the configuration's name in tables and on the console */
    String label() {
        return switch (variant) {
            case HARD -> "hard targets";
            case SMOOTHING -> String.format(Locale.ROOT, "label smoothing %.2f", weight);
            case CONSTANT -> String.format(Locale.ROOT, "penalty b %.1f", weight);
            case ANNEALED -> String.format(Locale.ROOT, "penalty b %.1f annealed", weight);
            case HINGE -> String.format(Locale.ROOT, "penalty b %.1f hinge G %.3f", weight, hinge);
        };
    }

    /**
     * @param classes K
     * @return the confidence at which one training example's loss is smallest ({@link PenaltyTheory});
     *         for the annealed penalty, that of its last step
     */
    double optimumConfidence(int classes) {
        return switch (variant) {
            case HARD -> 1;
            case SMOOTHING -> 1 - weight + weight / classes;
            case CONSTANT, ANNEALED -> PenaltyTheory.optimumConfidence(weight, classes);
            case HINGE -> PenaltyTheory.hingeOptimumConfidence(weight, hinge, classes);
        };
    }

    /**
     * @param base the replication's recipe with the trial's seed, epochs and device
     * @return it with this configuration's objective
     */
    Recipe recipe(Recipe.Builder base) {
        Recipe.Builder b = switch (variant) {
            case HARD -> base.objective(Recipe.ObjectiveKind.HARD_TARGETS);
            case SMOOTHING -> base.objective(Recipe.ObjectiveKind.LABEL_SMOOTHING).alpha(weight);
            case CONSTANT, ANNEALED, HINGE -> base.objective(Recipe.ObjectiveKind.CONFIDENCE_PENALTY).penalty(weight)
                    .annealing(variant == Variant.ANNEALED ? Recipe.Annealing.LINEAR : Recipe.Annealing.CONSTANT)
                    .hinge(hinge);
        };
        return b.build();
    }
}
