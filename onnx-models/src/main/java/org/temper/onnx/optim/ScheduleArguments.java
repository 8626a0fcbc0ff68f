package org.temper.onnx.optim;

/** The checks every learning-rate schedule makes of its settings and of the step it is asked about. */
final class ScheduleArguments {

    private ScheduleArguments() {
    }

    /**
     * @param step the 0-based global step, &gt;= 0
     * @param stepsPerEpoch steps in one epoch, &gt;= 1
     * @param epochs epochs in the run, &gt;= 1
     * @return the 0-based epoch of the step
     */
    static long epoch(long step, long stepsPerEpoch, int epochs) {
        if (step < 0 || stepsPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("A learning-rate schedule needs step >= 0, stepsPerEpoch >= 1 and"
                    + " epochs >= 1, got step " + step + ", stepsPerEpoch " + stepsPerEpoch + ", epochs " + epochs);
        }
        return step / stepsPerEpoch;
    }

    /**
     * @param rate a learning rate setting
     * @throws IllegalArgumentException unless it is finite and &gt;= 0
     */
    static void checkRate(double rate) {
        if (!(rate >= 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("The learning rate must be >= 0 and finite, got " + rate);
        }
    }
}
