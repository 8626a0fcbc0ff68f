package org.temper.weka;

import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Stepping;

/** The learning-rate schedules a Weka user chooses from. */
public enum ScheduleChoice {
    /** The same rate throughout. */
    CONSTANT,
    /** Falling linearly to 0, stepped per epoch. */
    LINEAR,
    /** Cosine annealing to 0, stepped per step. */
    COSINE;

    /**
     * @param rate the initial learning rate
     * @return the schedule
     */
    public LearningRateSchedule create(double rate) {
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant(rate);
            case LINEAR -> LearningRateSchedule.linearDecay(rate, Stepping.PER_EPOCH);
            case COSINE -> LearningRateSchedule.cosine(rate, 0, Stepping.PER_STEP);
        };
    }
}
