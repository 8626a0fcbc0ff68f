package org.temper.calibration;

/**
 * Smooth ECE (Blasiok and Nakkiran 2023) of top-label confidences, computed as
 * {@code relplot.smECE} (relplot's {@code smECE_fast} with its defaults: a reflected Gaussian
 * kernel, a first mesh of 200 points, eps = 0.001, 10 halvings).
 *
 * <p>Mesh: M points t_m = m / (M - 1). Each residual r_i = conf_i - acc_i is split between the
 * two mesh points around conf_i in proportion to closeness (linear interpolation), and the mesh
 * values are divided by N. At kernel width s: K_m = exp(-(t_m - 1/2)^2 / (2 s^2)) / (sqrt(2 pi) s);
 * the mesh values are reflected at both ends, convolved with K and the M central values h_j
 * kept; smECE_s = sum_j |h_j| / M. The mesh grows fourfold while round(20 / s) &gt; M, for every
 * width tried, and never shrinks. Width: s = 1 if smECE_1 &gt;= 1; else the bisection of (0, 1]
 * for the fixed point s = smECE_s, 10 halvings, keeping the smallest s tried with
 * s &gt;= smECE_s (any s &lt; 0.001 counts as too narrow). The result is smECE at that s.
 *
 * <p>The one departure: kernel weights beyond 10 s from the centre (below e^-50 of the peak)
 * are left out, which changes nothing a double can show and bounds the work per width by about
 * 20 s M^2.
 */
final class SmoothEce {

    private static final int FIRST_MESH = 200;
    private static final double NARROWEST = 0.001;
    private static final int HALVINGS = 10;
    private static final double REACH = 10;

    private final long[] sortedKeys;
    private int mesh;
    /** The reflected mesh: ext[M - 1 + q] = h[q] for q in [0, M), mirrored at both ends. */
    private double[] extended;

    private SmoothEce(long[] sortedKeys) {
        this.sortedKeys = sortedKeys;
        this.mesh = FIRST_MESH;
        extend();
    }

    /**
     * @param sortedKeys one {@link EqualMassBins#key} per example (any order would do)
     * @return the smooth ECE
     */
    static double of(long[] sortedKeys) {
        return new SmoothEce(sortedKeys).value();
    }

    /** @return the kernel width that {@link #of} uses, for tests */
    static double width(long[] sortedKeys) {
        return new SmoothEce(sortedKeys).fixedPoint();
    }

    private double value() {
        return at(fixedPoint());
    }

    private double fixedPoint() {
        if (tooNarrow(1)) {
            return 1;
        }
        double wide = 1;
        double narrow = 0;
        for (int h = 0; h < HALVINGS; h++) {
            double mid = (wide + narrow) / 2;
            if (tooNarrow(mid)) {
                narrow = mid;
            } else {
                wide = mid;
            }
        }
        return wide;
    }

    private boolean tooNarrow(double width) {
        int before = mesh;
        while (Math.round(20 / width) > mesh) {
            mesh *= 4;
        }
        if (mesh != before) {
            extend();
        }
        return width < NARROWEST || width < at(width);
    }

    private void extend() {
        int m = mesh;
        double[] values = new double[m];
        for (long key : sortedKeys) {
            double f = EqualMassBins.confidence(key);
            double r = f - (key & 1);
            double x = f * (m - 1);
            int bin = Math.min(Math.max((int) x, 0), m - 2);
            double frac = x - bin;
            values[bin] += (1 - frac) * r;
            values[bin + 1] += frac * r;
        }
        extended = new double[3 * m - 2];
        for (int q = 0; q < m; q++) {
            double v = values[q] / sortedKeys.length;
            extended[m - 1 + q] = v;
            extended[m - 1 - q] = v;
            extended[3 * m - 3 - q] = v;
        }
    }

    /** smECE at kernel width s on the current mesh. */
    private double at(double width) {
        int m = mesh;
        double[] smoothed = new double[m];
        double step = 1.0 / (m - 1);
        double norm = 1 / (Math.sqrt(2 * Math.PI) * width);
        for (int k = 0; k < m; k++) {
            double d = k * step - 0.5;
            if (Math.abs(d) > REACH * width) {
                continue;
            }
            double weight = norm * Math.exp(-d * d / (2 * width * width));
            int offset = m - 1 + m / 2 - k;
            for (int j = 0; j < m; j++) {
                smoothed[j] += weight * extended[offset + j];
            }
        }
        double sum = 0;
        for (double h : smoothed) {
            sum += Math.abs(h);
        }
        return sum / m;
    }
}
