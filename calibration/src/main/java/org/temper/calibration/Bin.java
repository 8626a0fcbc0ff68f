package org.temper.calibration;

/**
 * One bin of a {@link BinTable}.
 *
 * <p>For equal-width bins {@code [lower, upper)} are the bin's edges (the last bin also holds
 * 1.0); for equal-mass bins they are the smallest and largest confidence it holds (inclusive).
 * In a classwise table "confidence" is the mean probability of the class and "accuracy" the
 * fraction of examples that belong to it. An empty bin has NaN means and gap.
 *
 * @param lower lower end of the range
 * @param upper upper end of the range
 * @param count examples in the bin
 * @param meanConfidence mean confidence of those examples
 * @param accuracy fraction of them predicted correctly
 */
public record Bin(double lower, double upper, long count, double meanConfidence, double accuracy) {

    /** @return accuracy - mean confidence: negative where the model is over-confident */
    public double gap() {
        return accuracy - meanConfidence;
    }

    /**
     * @return the 95% Wilson score interval of the bin's accuracy ({@link Interval#wilson}): where its
     *         true accuracy plausibly lies given that only {@link #count} examples measured it
     * @throws IllegalArgumentException if the bin is empty
     */
    public Interval accuracyInterval() {
        return Interval.wilson(accuracy, count);
    }

    /** @return whether the bin holds no example */
    public boolean isEmpty() {
        return count == 0;
    }
}
