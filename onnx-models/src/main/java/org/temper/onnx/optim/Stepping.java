package org.temper.onnx.optim;

/** Whether a decaying schedule moves once per epoch or at every step. */
public enum Stepping {
    /** Progress epoch / epochs: constant within an epoch (the replication's linear decay). */
    PER_EPOCH,
    /** Progress step / (stepsPerEpoch epochs): a little smaller at every step. */
    PER_STEP;

    /**
     * @param step the 0-based global step
     * @param stepsPerEpoch steps in one epoch
     * @param epochs epochs in the run
     * @return the fraction of training done before this step, in [0, 1] (1 past the end)
     */
    public double progress(long step, long stepsPerEpoch, int epochs) {
        long epoch = ScheduleArguments.epoch(step, stepsPerEpoch, epochs);
        double p = this == PER_EPOCH ? epoch / (double) epochs : step / ((double) stepsPerEpoch * epochs);
        return Math.min(1, p);
    }
}
