package org.temper.examples.reproduce;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: the Pearson correlation of the values' ranks (1 for the smallest; tied
 * values share the mean of their ranks). +1 when y grows with x, -1 when it falls as x grows.
 */
final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * @param x the first values
     * @param y the second values, as many
     * @return rho, NaN for fewer than two pairs or when either side's ranks are all equal
     * @throws IllegalArgumentException when the lengths differ
     */
    static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " values against " + y.length);
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mean = (x.length + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mean) * (ry[i] - mean);
            sxx += (rx[i] - mean) * (rx[i] - mean);
            syy += (ry[i] - mean) * (ry[i] - mean);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * @param v values
     * @return their ranks from 1, ties given the mean of the ranks they span
     */
    static double[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .toArray(Integer[]::new);
        double[] rank = new double[v.length];
        for (int start = 0; start < v.length; ) {
            int end = start;
            while (end + 1 < v.length && v[order[end + 1]] == v[order[start]]) {
                end++;
            }
            double shared = (start + end) / 2.0 + 1;
            for (int j = start; j <= end; j++) {
                rank[order[j]] = shared;
            }
            start = end + 1;
        }
        return rank;
    }
}
