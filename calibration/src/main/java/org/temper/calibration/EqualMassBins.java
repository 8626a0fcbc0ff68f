package org.temper.calibration;

import java.util.Arrays;

/**
 * Equal-mass (adaptive) binning. Each example is reduced to a sortable key holding its
 * confidence and whether it was correct; sorting the keys orders examples by confidence, ties
 * broken by correctness, so the table does not depend on example order. Rank r of N falls in
 * bin floor(r * B / N): bins differ in size by at most one, and some are empty when N &lt; B.
 */
final class EqualMassBins {

    private EqualMassBins() {
    }

    /** A long whose order is that of (confidence, correct), for a confidence in [0, 1]. */
    static long key(double confidence, boolean correct) {
        // A non-negative double's bits order like the double and stay below 2^62, so the shift
        // keeps the key positive.
        return Double.doubleToLongBits(confidence) << 1 | (correct ? 1 : 0);
    }

    /** The confidence a {@link #key} holds. */
    static double confidence(long key) {
        return Double.longBitsToDouble(key >>> 1);
    }

    /**
     * @param sortedKeys one {@link #key} per example (with repeats for resampled examples), sorted
     * @param bins B
     * @return the equal-mass table; each bin's range is its smallest and largest confidence
     */
    static BinTable table(long[] sortedKeys, int bins) {
        BinSums sums = new BinSums(bins);
        double[] lower = new double[bins];
        double[] upper = new double[bins];
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        int n = sortedKeys.length;
        for (int r = 0; r < n; r++) {
            int b = (int) ((long) r * bins / n);
            double conf = confidence(sortedKeys[r]);
            if (sums.count(b) == 0) {
                lower[b] = conf;
            }
            upper[b] = conf;
            sums.add(b, conf, sortedKeys[r] & 1, 1);
        }
        return sums.toTable(lower, upper);
    }
}
