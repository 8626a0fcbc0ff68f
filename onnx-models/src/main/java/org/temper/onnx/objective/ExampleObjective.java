package org.temper.onnx.objective;

import org.temper.onnx.graph.GraphBuilder;

/**
 * An objective that is a mean of per-example losses, which is what lets {@link ClassWeighted}
 * weight the examples by class without knowing the objective.
 */
public interface ExampleObjective extends Objective {

    /**
     * @param b the builder of the training step
     * @param in the logits, labels and optional teacher logits and step weight
     * @return each example's loss and logit gradient
     */
    ExampleLosses perExample(GraphBuilder b, ObjectiveInputs in);

    /** The unweighted batch mean of {@link #perExample}. */
    @Override
    default ObjectiveGraph build(GraphBuilder b, ObjectiveInputs in) {
        return perExample(b, in).mean(b);
    }
}
