package org.temper.calibration;

import java.util.ArrayList;
import java.util.List;

/** Running per-bin sums (count, confidence, correct) from which a {@link BinTable} is made. */
final class BinSums {

    private final long[] count;
    private final double[] confidence;
    private final double[] correct;

    BinSums(int bins) {
        count = new long[bins];
        confidence = new double[bins];
        correct = new double[bins];
    }

    /** Lower edges b/B of B equal-width bins, as doubles, plus 1.0 as a last entry. */
    static double[] equalWidthEdges(int bins) {
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = (double) b / bins;
        }
        return edges;
    }

    /**
     * The equal-width bin of a confidence: b with edges[b] &lt;= c &lt; edges[b+1], and the last
     * bin for c = 1.0.
     */
    static int equalWidthBin(double c, double[] edges) {
        int bins = edges.length - 1;
        int b = (int) (c * bins);
        if (b >= bins) {
            return bins - 1;
        }
        if (c < edges[b]) {
            return b - 1;
        }
        return c >= edges[b + 1] && b + 1 < bins ? b + 1 : b;
    }

    void add(int bin, double conf, double hit, int weight) {
        count[bin] += weight;
        confidence[bin] += weight * conf;
        correct[bin] += weight * hit;
    }

    long count(int bin) {
        return count[bin];
    }

    /** The table, with bin b spanning [lower[b], upper[b]]. */
    BinTable toTable(double[] lower, double[] upper) {
        List<Bin> bins = new ArrayList<>(count.length);
        long total = 0;
        for (int b = 0; b < count.length; b++) {
            long n = count[b];
            total += n;
            bins.add(new Bin(lower[b], upper[b], n,
                    n == 0 ? Double.NaN : confidence[b] / n, n == 0 ? Double.NaN : correct[b] / n));
        }
        return new BinTable(bins, total);
    }

    /** The table of equal-width bins with the given edges. */
    BinTable toTable(double[] edges) {
        double[] lower = new double[count.length];
        double[] upper = new double[count.length];
        for (int b = 0; b < count.length; b++) {
            lower[b] = edges[b];
            upper[b] = edges[b + 1];
        }
        return toTable(lower, upper);
    }
}
