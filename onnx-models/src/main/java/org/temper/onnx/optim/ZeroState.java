package org.temper.onnx.optim;

import org.temper.onnx.graph.TensorData;

/** Zero-filled optimizer state tensors, the initial momentum and moment buffers. */
final class ZeroState {

    private ZeroState() {
    }

    /**
     * @param parameter a parameter's initial value
     * @return zeros of the parameter's type and shape
     */
    static TensorData like(TensorData parameter) {
        return TensorData.ofReals(parameter.dtype(), new double[(int) parameter.elementCount()], parameter.shape());
    }
}
