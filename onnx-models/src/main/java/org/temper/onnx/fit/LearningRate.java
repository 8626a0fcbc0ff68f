package org.temper.onnx.fit;

/** The learning rate of each step, computed in Java and fed to the epoch program. */
@FunctionalInterface
public interface LearningRate {

    /**
     * @param epoch 0-based epoch
     * @param stepInEpoch 0-based step within the epoch
     * @param stepsPerEpoch steps in one epoch
     * @param epochs epochs in the run
     * @return the learning rate of that step
     */
    double rate(int epoch, int stepInEpoch, int stepsPerEpoch, int epochs);

    /**
     * @param lr the rate, &gt; 0
     * @return the same rate at every step
     */
    static LearningRate constant(double lr) {
        if (!(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("Learning rate must be positive and finite, got " + lr);
        }
        return (e, s, n, total) -> lr;
    }
}
