package org.temper.onnx.objective;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

/** The runtime batch size of a [B, ...] value, as a scalar of its element type. */
final class Batches {

    private Batches() {
    }

    static Value size(GraphBuilder b, Value batched) {
        Value n = b.gather(b.shapeOf(batched), b.longScalar(0), 0);
        return b.cast(n, batched.dtype());
    }
}
