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
     * @param logits [B, K] logits z
     * @return per example -sum_k q_k log softmax(z)_k, with gradient softmax(z) - q
     */
    static ExampleLosses crossEntropy(GraphBuilder b, Value target, Value logits) {
        Value logp = b.logSoftmax(logits, -1);
        Value losses = b.neg(b.reduceSum(b.mul(target, logp), false, 1));
        return new ExampleLosses(losses, b.sub(b.exp(logp), target));
    }
}
