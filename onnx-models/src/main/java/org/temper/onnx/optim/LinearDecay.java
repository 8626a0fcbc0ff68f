package org.temper.onnx.optim;

/**
 * A learning rate falling linearly to 0 over training: initial (1 - progress). Stepped per epoch
 * this is the replication's lr (1 - epoch / epochs), whose last epoch still has initial / epochs.
 * @param initial the rate at the start, &gt;= 0
 * @param stepping per epoch or per step
 */
public record LinearDecay(double initial, Stepping stepping) implements LearningRateSchedule {

    /**
     * Checks the rate.
     * @param initial the rate at the start, &gt;= 0
     * @param stepping per epoch or per step
     */
    public LinearDecay {
        ScheduleArguments.checkRate(initial);
    }

    @Override
    public double rate(long step, long stepsPerEpoch, int epochs) {
        return initial * (1 - stepping.progress(step, stepsPerEpoch, epochs));
    }

    @Override
    public String describe() {
        return "linear decay lr=" + initial + " " + stepping.name().toLowerCase();
    }
}
