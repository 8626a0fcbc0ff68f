package org.temper.onnx.optim;

/**
 * The same learning rate at every step.
 * @param rate the learning rate, &gt;= 0
 */
public record ConstantRate(double rate) implements LearningRateSchedule {

    /**
     * Checks the rate.
     * @param rate the learning rate, &gt;= 0
     */
    public ConstantRate {
        ScheduleArguments.checkRate(rate);
    }

    @Override
    public double rate(long step, long stepsPerEpoch, int epochs) {
        ScheduleArguments.epoch(step, stepsPerEpoch, epochs);
        return rate;
    }

    @Override
    public String describe() {
        return "constant lr=" + rate;
    }
}
