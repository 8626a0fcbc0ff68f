package org.temper.onnx.zoo;

import org.temper.onnx.graph.TensorData;

/**
 * A trainable tensor of a network with its initial value.
 * @param name the name, unique within the network; the initializer name in exported models
 * @param initial the initial value
 * @param learningRateScale multiplier of the global learning rate for this parameter (per-layer rates)
 */
public record Parameter(String name, TensorData initial, double learningRateScale) {
}
