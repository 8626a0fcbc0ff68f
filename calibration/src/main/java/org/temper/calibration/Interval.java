package org.temper.calibration;

/**
 * A confidence interval of one metric or proportion: a bootstrap percentile interval (what
 * {@link CalibrationReport#interval} gives), or a Wilson score interval of a proportion
 * ({@link #wilson}, what {@link Bin#accuracyInterval} gives).
 *
 * @param lower for a bootstrap interval the (1 - level) / 2 quantile of the resampled values
 * @param upper for a bootstrap interval the (1 + level) / 2 quantile of the resampled values
 * @param level the coverage, e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {

    /** The standard normal's 0.975 quantile: the z of a two-sided 95% interval. */
    private static final double Z_95 = 1.959963984540054;

    /**
     * The 95% Wilson score interval of a proportion (Wilson 1927). With p the observed proportion
     * of n trials and z = 1.959964 (the standard normal's 0.975 quantile), it is
     * <pre>
     *   centre = (p + z&sup2; / (2n)) / (1 + z&sup2; / n)
     *   half   = z / (1 + z&sup2; / n) * sqrt(p (1 - p) / n + z&sup2; / (4n&sup2;))
     *   [centre - half, centre + half]
     * </pre>
     * It stays inside [0, 1] and, unlike the normal approximation, has a non-zero width at p = 0
     * or 1 and sensible coverage for small n: 8 of 10 gives [0.4902, 0.9433], 1 of 1 [0.2065, 1].
     *
     * @param proportion p, the fraction of successes, in [0, 1]
     * @param trials n &gt;= 1
     * @return the interval at level 0.95
     * @throws IllegalArgumentException if n &lt; 1 or p is not in [0, 1]
     */
    public static Interval wilson(double proportion, long trials) {
        if (trials < 1 || !(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("a Wilson interval needs a proportion in [0, 1] of at least one trial, got "
                    + proportion + " of " + trials);
        }
        double zz = Z_95 * Z_95;
        double n = trials;
        double shrink = 1 + zz / n;
        double centre = (proportion + zz / (2 * n)) / shrink;
        double half = Z_95 / shrink * Math.sqrt(proportion * (1 - proportion) / n + zz / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), 0.95);
    }
}
