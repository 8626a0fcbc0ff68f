package org.temper.onnx.zoo;

import java.util.List;

/**
 * LeNet-5 (LeCun et al., 1998) in its common modern form, for 28x28 images such as MNIST and
 * Fashion-MNIST: conv 6@5x5 with padding 2, ReLU, max pool 2; conv 16@5x5, ReLU, max pool 2;
 * fully connected 120 and 84 (ReLU), then K logits. The penultimate layer is the 84 units.
 */
public final class LeNet5 {

    private LeNet5() {
    }

    /**
     * @param exampleShape [C, H, W], e.g. [1, 28, 28]
     * @param numClasses number of classes K
     * @param dropout dropout after each fully connected hidden layer, in [0, 1)
     * @param init weight initialiser
     * @param seed seed of the initialiser
     * @return the network
     */
    public static ConvNet create(long[] exampleShape, int numClasses, double dropout, Initializer init, long seed) {
        return ConvNet.create("lenet5", exampleShape, List.of(new ConvStage(6, 5, 2, 2, 2, false),
                new ConvStage(16, 5, 0, 2, 2, false)), new int[] {120, 84}, numClasses, dropout, init, seed);
    }
}
