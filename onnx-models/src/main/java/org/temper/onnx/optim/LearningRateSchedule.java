package org.temper.onnx.optim;

/**
 * A learning rate for every step of a run, computed in Java and fed to the epoch program as a
 * per-step input. Per-layer learning rates are multipliers the caller applies on top.
 */
public interface LearningRateSchedule {

    /**
     * @param step the 0-based global step
     * @param stepsPerEpoch steps in one epoch, &gt;= 1
     * @param epochs epochs in the run, &gt;= 1
     * @return the learning rate of that step
     */
    double rate(long step, long stepsPerEpoch, int epochs);

    /** @return a short description with every setting, recorded in model metadata. */
    String describe();

    /**
     * @param rate the learning rate
     * @return that rate at every step
     */
    static LearningRateSchedule constant(double rate) {
        return new ConstantRate(rate);
    }

    /**
     * @param initial the rate of the first epoch
     * @param everyEpochs how many epochs between decays
     * @param gamma the factor applied at each decay
     * @return initial gamma^floor(epoch / everyEpochs) (PyTorch's StepLR stepped per epoch)
     */
    static LearningRateSchedule stepDecay(double initial, int everyEpochs, double gamma) {
        return new StepDecay(initial, everyEpochs, gamma);
    }

    /**
     * @param initial the rate at the start
     * @param stepping per epoch (the replication: initial (1 - epoch / epochs)) or per step
     * @return a rate falling linearly towards 0 at the end of training
     */
    static LearningRateSchedule linearDecay(double initial, Stepping stepping) {
        return new LinearDecay(initial, stepping);
    }

    /**
     * @param initial the rate at the start
     * @param floor the rate approached at the end, in [0, initial]
     * @param stepping per epoch or per step
     * @return floor + (initial - floor) (1 + cos(pi progress)) / 2 (PyTorch's CosineAnnealingLR over the run)
     */
    static LearningRateSchedule cosine(double initial, double floor, Stepping stepping) {
        return new CosineDecay(initial, floor, stepping);
    }
}
