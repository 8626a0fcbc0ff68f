package org.temper.calibration.recalibration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * Histogram binning (Zadrozny and Elkan 2001), one-vs-rest on the class probabilities (softmax
 * of logits): B bins on [0, 1], each mapping to the mean indicator y = k of the held-out
 * examples in it. Exact, with no iteration.
 *
 * <p>Bin b holds probabilities in [e_b, e_{b+1}), the last bin also 1.0; a probability goes to
 * the largest b with e_b &lt;= p, both when fitting and when applying. Equal-width edges are
 * e_b = b / B (as in {@code CalibrationReport}); equal-mass edges are e_0 = 0, e_B = 1 and, for
 * 0 &lt; b &lt; B, the held-out probability of rank ceil(b N / B) (from 0, in increasing
 * order), so bins hold N / B examples each, give or take one, unless probabilities tie: tied
 * probabilities share a bin. An empty bin maps to the midpoint (e_b + e_{b+1}) / 2 of its
 * range, the calibrated value a probability in it would have if the model were calibrated there,
 * rather than to 0 or to a neighbour's value.
 */
public final class HistogramBinning implements Calibrator {

    /** How the bin edges are placed. */
    public enum Binning {
        /** e_b = b / B. */
        EQUAL_WIDTH,
        /** e_b = the held-out probability of rank ceil(b N / B). */
        EQUAL_MASS
    }

    private final Binning binning;
    private final int bins;

    private HistogramBinning(Binning binning, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least 1 bin, got " + bins);
        }
        this.binning = binning;
        this.bins = bins;
    }

    /**
     * @param bins B &gt;= 1
     * @return histogram binning over B bins of width 1 / B
     */
    public static HistogramBinning equalWidth(int bins) {
        return new HistogramBinning(Binning.EQUAL_WIDTH, bins);
    }

    /**
     * @param bins B &gt;= 1
     * @return histogram binning over B bins of about N / B held-out examples each
     */
    public static HistogramBinning equalMass(int bins) {
        return new HistogramBinning(Binning.EQUAL_MASS, bins);
    }

    @Override
    public String name() {
        return "histogram binning (" + (binning == Binning.EQUAL_WIDTH ? "equal-width" : "equal-mass")
                + ", " + bins + " bins)";
    }

    /**
     * {@inheritDoc} Needs examples of at least two classes, and at least 2 of them for
     * equal-width bins, at least B for equal-mass bins.
     */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        return OneVsRest.fit(name(), heldOut, OneVsRest.Score.PROBABILITY,
                (scores, positive, label) -> fitBins(scores, positive));
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, binning == Binning.EQUAL_WIDTH ? 2 : Math.max(2, bins));
    }

    private Bins fitBins(double[] scores, boolean[] positive) {
        double[] edges = new double[bins + 1];
        edges[bins] = 1;
        if (binning == Binning.EQUAL_WIDTH) {
            for (int b = 0; b < bins; b++) {
                edges[b] = (double) b / bins;
            }
        } else {
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            long n = sorted.length;
            for (int b = 1; b < bins; b++) {
                edges[b] = sorted[(int) ((b * n + bins - 1) / bins)];
            }
        }
        double[] hits = new double[bins];
        long[] counts = new long[bins];
        for (int i = 0; i < scores.length; i++) {
            int b = Bins.bin(edges, scores[i]);
            counts[b]++;
            hits[b] += positive[i] ? 1 : 0;
        }
        double[] values = new double[bins];
        for (int b = 0; b < bins; b++) {
            values[b] = counts[b] > 0 ? hits[b] / counts[b] : (edges[b] + edges[b + 1]) / 2;
        }
        return new Bins(edges, values);
    }

    /** Edges e_0..e_B and the value of each of the B bins. */
    record Bins(double[] edges, double[] values) implements OneVsRest.ClassMap {

        /** @return the largest b &lt; B with edges[b] &lt;= p, or 0 */
        static int bin(double[] edges, double p) {
            int lo = 0;
            int hi = edges.length - 2;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (edges[mid] <= p) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        @Override
        public double apply(double score) {
            return values[bin(edges, score)];
        }

        @Override
        public Map<String, List<Double>> parameters() {
            return OneVsRest.pair("edges", OneVsRest.list(edges), "values", OneVsRest.list(values));
        }

        @Override
        public String describe() {
            return "bin values " + Arrays.toString(values);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
