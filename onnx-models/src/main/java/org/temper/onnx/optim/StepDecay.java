package org.temper.onnx.optim;

/**
 * A learning rate multiplied by gamma every few epochs: initial gamma^floor(epoch / everyEpochs).
 * @param initial the rate of the first epoch, &gt;= 0
 * @param everyEpochs epochs between decays, &gt;= 1
 * @param gamma the factor per decay, in (0, 1]
 */
public record StepDecay(double initial, int everyEpochs, double gamma) implements LearningRateSchedule {

    /**
     * Checks the settings.
     * @param initial the rate of the first epoch, &gt;= 0
     * @param everyEpochs epochs between decays, &gt;= 1
     * @param gamma the factor per decay, in (0, 1]
     */
    public StepDecay {
        ScheduleArguments.checkRate(initial);
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("Step decay everyEpochs must be >= 1, got " + everyEpochs);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("Step decay gamma must be in (0, 1], got " + gamma);
        }
    }

    @Override
    public double rate(long step, long stepsPerEpoch, int epochs) {
        return initial * Math.pow(gamma, ScheduleArguments.epoch(step, stepsPerEpoch, epochs) / everyEpochs);
    }

    @Override
    public String describe() {
        return "step decay lr=" + initial + " every " + everyEpochs + " epochs gamma=" + gamma;
    }
}
