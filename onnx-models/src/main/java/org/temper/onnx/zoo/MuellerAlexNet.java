package org.temper.onnx.zoo;

import java.util.List;

/**
 * The two-convolution "AlexNet" that Mueller, Kornblith and Hinton ("When does label smoothing
 * help?", 2019) trained on CIFAR-10, which is TensorFlow's CIFAR-10 tutorial network:
 * conv 64@5x5 (same padding), ReLU, max pool 3x3 stride 2 (same padding); the same again; fully
 * connected 384 and 192 (ReLU), then K logits. The penultimate layer is the 192 units. The
 * tutorial's local response normalization after each pooling is left out (Temper has no LRN
 * gradient rule, and it is commonly dropped); optional dropout follows each fully connected hidden layer.
 */
public final class MuellerAlexNet {

    private MuellerAlexNet() {
    }

    /**
     * @param exampleShape [C, H, W], e.g. [3, 32, 32] or [1, 28, 28]
     * @param numClasses number of classes K
     * @param dropout dropout after each fully connected hidden layer, in [0, 1)
     * @param init weight initialiser
     * @param seed seed of the initialiser
     * @return the network
     */
    public static ConvNet create(long[] exampleShape, int numClasses, double dropout, Initializer init, long seed) {
        ConvStage stage = new ConvStage(64, 5, 2, 3, 2, true);
        return ConvNet.create("alexnet", exampleShape, List.of(stage, stage), new int[] {384, 192}, numClasses, dropout,
                init, seed);
    }
}
