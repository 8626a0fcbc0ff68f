package org.temper.onnx.objective;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

/** Cross-entropy of logits against a target distribution, the term every objective here starts from. */
final class SoftTargets {

    private SoftTargets() {
    }

    /**
     * @param b builder
     * @param target [B, K] target distributions q, rows summing to 1
     * @param logProbabilities [B, K] log softmax(z) of the logits z
     * @return per example -sum_k q_k log softmax(z)_k, with gradient softmax(z) - q
     */
    static ExampleLosses crossEntropy(GraphBuilder b, Value target, Value logProbabilities) {
        Value losses = b.neg(b.reduceSum(b.mul(target, logProbabilities), false, 1));
        return new ExampleLosses(losses, b.sub(b.exp(logProbabilities), target));
    }
}
