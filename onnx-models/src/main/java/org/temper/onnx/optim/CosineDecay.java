package org.temper.onnx.optim;

/**
 * Cosine annealing over the whole run: floor + (initial - floor) (1 + cos(pi progress)) / 2.
 * @param initial the rate at the start, &gt;= 0
 * @param floor the rate approached at the end, in [0, initial]
 * @param stepping per epoch or per step
 */
public record CosineDecay(double initial, double floor, Stepping stepping) implements LearningRateSchedule {

    /**
     * Checks the rates.
     * @param initial the rate at the start, &gt;= 0
     * @param floor the rate approached at the end, in [0, initial]
     * @param stepping per epoch or per step
     */
    public CosineDecay {
        ScheduleArguments.checkRate(initial);
        if (!(floor >= 0 && floor <= initial)) {
            throw new IllegalArgumentException("Cosine decay floor must be in [0, " + initial + "], got " + floor);
        }
    }

    @Override
    public double rate(long step, long stepsPerEpoch, int epochs) {
        double progress = stepping.progress(step, stepsPerEpoch, epochs);
        return floor + (initial - floor) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    @Override
    public String describe() {
        return "cosine lr=" + initial + " floor=" + floor + " " + stepping.name().toLowerCase();
    }
}
