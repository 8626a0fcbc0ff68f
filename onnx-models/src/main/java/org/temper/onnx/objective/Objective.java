package org.temper.onnx.objective;

import org.temper.onnx.graph.GraphBuilder;

/**
 * A training objective on a network's logits. It emits, into the training step's graph, the mean
 * loss over the batch and its analytic gradient with respect to the logits, from which the
 * differentiator continues backwards through the network.
 */
public interface Objective {

    /**
     * @param b the builder of the training step
     * @param in the logits, labels and optional teacher logits and step weight
     * @return the loss and the logit gradient
     */
    ObjectiveGraph build(GraphBuilder b, ObjectiveInputs in);

    /** @return true when the objective reads teacher logits (distillation). */
    default boolean needsTeacher() {
        return false;
    }

    /**
     * The value fed as {@link ObjectiveInputs#stepWeight()} at a step, for objectives whose
     * weight changes during training (the annealed confidence penalty). Others ignore it.
     * @param step the 0-based global step
     * @param totalSteps the number of steps in the whole training run
     * @return the weight for that step
     */
    default double stepWeight(long step, long totalSteps) {
        return 1.0;
    }

    /** @return a short description with every setting, recorded in model metadata. */
    String describe();
}
