package org.temper.onnx.objective;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.Arrays;

/**
 * Any per-example objective with each example weighted by its label's class weight w_y:
 * L = sum_i w_{y_i} l_i / n, where n is either the sum of the batch's weights sum_i w_{y_i}
 * ({@link Normalisation#WEIGHT_SUM}, the default and PyTorch's {@code CrossEntropyLoss(weight=...)})
 * or the batch size B ({@link Normalisation#BATCH_SIZE}). With the weight sum, uniform weights give
 * the unweighted objective whatever their scale; a batch whose labels all weigh 0 has loss and
 * gradient 0. The weights depend on the labels only, so the logit gradient is w_{y_i} g_i / n.
 */
public final class ClassWeighted implements Objective {

    /** What the weighted sum of the batch's losses is divided by. */
    public enum Normalisation {
        /** The sum of the weights of the batch's labels. */
        WEIGHT_SUM,
        /** The batch size. */
        BATCH_SIZE
    }

    private final ExampleObjective objective;
    private final double[] weights;
    private final Normalisation normalisation;

    private ClassWeighted(ExampleObjective objective, double[] weights, Normalisation normalisation) {
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0 && Double.isFinite(weights[k]))) {
                throw new IllegalArgumentException("Class weight " + k + " must be >= 0 and finite, got " + weights[k]);
            }
        }
        this.objective = objective;
        this.weights = weights.clone();
        this.normalisation = normalisation;
    }

    /**
     * @param objective the objective to weight
     * @param weights one non-negative weight per class
     * @return the weighted objective, normalised by the sum of the batch's weights
     */
    public static ClassWeighted of(ExampleObjective objective, double[] weights) {
        return of(objective, weights, Normalisation.WEIGHT_SUM);
    }

    /**
     * @param objective the objective to weight
     * @param weights one non-negative weight per class
     * @param normalisation what the weighted sum is divided by
     * @return the weighted objective
     */
    public static ClassWeighted of(ExampleObjective objective, double[] weights, Normalisation normalisation) {
        return new ClassWeighted(objective, weights, normalisation);
    }

    @Override
    public ObjectiveGraph build(GraphBuilder b, ObjectiveInputs in) {
        if (weights.length != in.numClasses()) {
            throw new IllegalArgumentException("There are " + weights.length + " class weights for "
                    + in.numClasses() + " classes");
        }
        DType t = in.logits().dtype();
        Value perExample = b.gather(b.constant(TensorData.ofReals(t, weights, weights.length)), in.labels(), 0);
        Value normaliser = switch (normalisation) {
            case BATCH_SIZE -> Batches.size(b, in.logits());
            case WEIGHT_SUM -> {
                Value sum = b.reduceSum(perExample, false);
                yield b.where(b.greater(sum, b.scalar(0, t)), sum, b.scalar(1, t));
            }
        };
        return objective.perExample(b, in).weightedMean(b, perExample, normaliser);
    }

    @Override
    public boolean needsTeacher() {
        return objective.needsTeacher();
    }

    @Override
    public double stepWeight(long step, long totalSteps) {
        return objective.stepWeight(step, totalSteps);
    }

    @Override
    public String describe() {
        return objective.describe() + " class weights=" + Arrays.toString(weights)
                + " normalised by " + normalisation.name().toLowerCase();
    }
}
