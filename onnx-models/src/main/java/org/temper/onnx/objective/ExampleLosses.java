package org.temper.onnx.objective;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

/**
 * Each example's loss and the gradient of that loss with respect to the example's own logits,
 * before any reduction over the batch. Terms of an objective are combined at this level, and
 * {@link #mean} or {@link #weightedMean} reduce them to an {@link ObjectiveGraph}.
 * @param losses [B] loss of each example
 * @param logitGradients [B, K] gradient of each example's loss with respect to its logits
 */
public record ExampleLosses(Value losses, Value logitGradients) {

    /**
     * @param b builder
     * @param factor a scalar
     * @return both the losses and the gradients times factor
     */
    public ExampleLosses scale(GraphBuilder b, Value factor) {
        return new ExampleLosses(b.mul(losses, factor), b.mul(logitGradients, factor));
    }

    /**
     * @param b builder
     * @param other another term over the same examples
     * @return the sum of the two terms
     */
    public ExampleLosses plus(GraphBuilder b, ExampleLosses other) {
        return new ExampleLosses(b.add(losses, other.losses), b.add(logitGradients, other.logitGradients));
    }

    /**
     * @param b builder
     * @return the batch-mean loss and its gradient, each example's gradient divided by B
     */
    public ObjectiveGraph mean(GraphBuilder b) {
        return new ObjectiveGraph(b.reduceMean(losses, false),
                b.div(logitGradients, Batches.size(b, logitGradients)));
    }

    /**
     * The loss sum_i w_i l_i / n and its gradient w_i g_i / n; n must not depend on the logits.
     * @param b builder
     * @param weights [B] weight of each example
     * @param normaliser scalar n
     * @return the weighted loss and its gradient
     */
    public ObjectiveGraph weightedMean(GraphBuilder b, Value weights, Value normaliser) {
        Value loss = b.div(b.reduceSum(b.mul(losses, weights), false), normaliser);
        Value grad = b.div(b.mul(logitGradients, b.unsqueeze(weights, 1)), normaliser);
        return new ObjectiveGraph(loss, grad);
    }
}
