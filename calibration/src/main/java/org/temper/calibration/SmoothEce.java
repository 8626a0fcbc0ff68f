package org.temper.calibration;

import java.util.Arrays;

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
 * width tried, and never shrinks. Width: s = 1 if smECE_1 &gt; 1; else the bisection of (0, 1]
 * for the fixed point s = smECE_s, 10 halvings, keeping the smallest s tried with
 * s &gt;= smECE_s (any s &lt; 0.001 counts as too narrow). The result is smECE at that s.
 *
 * <p>The one departure: kernel weights beyond 10 s from the centre (below e^-50 of the peak)
 * are left out, which changes nothing a double can show; each non-zero mesh value (at most 2N)
 * is scattered with its mirror images, so a width costs at most about 3 min(2N, M) 20 s M.
 */
final class SmoothEce {

    private static final int FIRST_MESH = 200;
    private static final double NARROWEST = 0.001;
    private static final int HALVINGS = 10;
    private static final double REACH = 10;

    private final long[] sortedKeys;
    private int mesh;
    /** The residuals on the mesh, divided by N. */
    private double[] values;
    /** The indices of the non-zero mesh values, increasing. */
    private int[] nonZero;

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
        values = new double[m];
        for (long key : sortedKeys) {
            double f = EqualMassBins.confidence(key);
            double r = f - (key & 1);
            double x = f * (m - 1);
            int bin = Math.min(Math.max((int) x, 0), m - 2);
            double frac = x - bin;
            values[bin] += (1 - frac) * r;
            values[bin + 1] += frac * r;
        }
        int count = 0;
        int[] at = new int[m];
        for (int q = 0; q < m; q++) {
            values[q] /= sortedKeys.length;
            if (values[q] != 0) {
                at[count++] = q;
            }
        }
        nonZero = Arrays.copyOf(at, count);
    }

    /**
     * smECE at kernel width s on the current mesh: relplot's h_j = sum_k K_k e(j + M/2 - k) over
     * k in [0, M), e the mesh values reflected (e(-q) = e(q), e(2(M - 1) - q) = e(q)), computed by
     * scattering each non-zero mesh value and its two mirror images.
     */
    private double at(double width) {
        int m = mesh;
        int half = m / 2;
        double step = 1.0 / (m - 1);
        double norm = 1 / (Math.sqrt(2 * Math.PI) * width);
        // kernel indices k within REACH widths of the centre 1/2, as in relplot's kernel_ev
        int kLo = Math.max(0, (int) Math.floor((0.5 - REACH * width) * (m - 1)));
        int kHi = Math.min(m - 1, (int) Math.ceil((0.5 + REACH * width) * (m - 1)));
        double[] kernel = new double[kHi - kLo + 1];
        for (int k = kLo; k <= kHi; k++) {
            double d = k * step - 0.5;
            kernel[k - kLo] = Math.abs(d) > REACH * width ? 0 : norm * Math.exp(-d * d / (2 * width * width));
        }
        double[] smoothed = new double[m];
        for (int r : nonZero) {
            double v = values[r];
            scatter(smoothed, v, r, kernel, kLo, half);
            if (r > 0) {
                scatter(smoothed, v, -r, kernel, kLo, half);
            }
            if (r < m - 1) {
                scatter(smoothed, v, 2 * (m - 1) - r, kernel, kLo, half);
            }
        }
        double sum = 0;
        for (double h : smoothed) {
            sum += Math.abs(h);
        }
        return sum / m;
    }

    /** Adds v K_k to h_j for every j in [0, M) with k = j + M/2 - q among the kernel's indices. */
    private static void scatter(double[] smoothed, double v, int q, double[] kernel, int kLo, int half) {
        int shift = q - half; // j = k + shift
        int from = Math.max(0, kLo + shift);
        int to = Math.min(smoothed.length - 1, kLo + kernel.length - 1 + shift);
        for (int j = from; j <= to; j++) {
            smoothed[j] += v * kernel[j - shift - kLo];
        }
    }
}
