package org.temper.calibration.recalibration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * Isotonic calibration (Zadrozny and Elkan 2002), one-vs-rest on the class probabilities (softmax
 * of logits), as scikit-learn's {@code IsotonicRegression(out_of_bounds='clip')} inside
 * {@code CalibratedClassifierCV(method='isotonic')}.
 *
 * <p>For each fitted class the held-out probabilities are sorted; equal probabilities are
 * merged into one point whose target is the mean of their indicators y = k, weighted by how
 * many they are (as in scikit-learn, "equal" means less than {@value #TIE} above the first
 * probability of the run, numpy's float64 resolution, and the point takes that first value); pool adjacent violators then gives the non-decreasing fit of least weighted
 * squared error (exact, in one pass: no iteration or tolerance). A new probability is clipped
 * to the range of the held-out ones and mapped by linear interpolation between the fitted
 * points; a single distinct held-out value gives a constant.
 */
public final class IsotonicCalibration implements Calibrator {

    /** Probabilities closer than this to the first of a run are tied with it (scikit-learn's rule). */
    static final double TIE = 1e-15;

    private static final IsotonicCalibration INSTANCE = new IsotonicCalibration();

    private IsotonicCalibration() {
    }

    /** @return isotonic calibration */
    public static IsotonicCalibration create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "isotonic calibration";
    }

    /** {@inheritDoc} Needs at least 2 examples, of at least two classes. */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        return OneVsRest.fit(name(), heldOut, OneVsRest.Score.PROBABILITY,
                (scores, positive, label) -> Steps.fit(scores, positive));
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, 2);
    }

    /** Fitted points (x_j, y_j), x strictly increasing, y non-decreasing. */
    record Steps(double[] x, double[] y) implements OneVsRest.ClassMap {

        static Steps fit(double[] scores, boolean[] positive) {
            int n = scores.length;
            // the scores in increasing order, each with its label: the positives' and the negatives'
            // scores sorted apart (primitive sorts) and merged
            double[] pos = new double[n];
            double[] neg = new double[n];
            int np = 0;
            int nn = 0;
            for (int i = 0; i < n; i++) {
                if (positive[i]) {
                    pos[np++] = scores[i];
                } else {
                    neg[nn++] = scores[i];
                }
            }
            Arrays.sort(pos, 0, np);
            Arrays.sort(neg, 0, nn);
            // distinct x with the sum of y and the count of each: the blocks PAV starts from
            double[] x = new double[n];
            double[] sum = new double[n];
            double[] weight = new double[n];
            int m = 0;
            for (int a = 0, b = 0; a < np || b < nn; ) {
                boolean takePositive = b >= nn || (a < np && pos[a] <= neg[b]);
                double score = takePositive ? pos[a++] : neg[b++];
                if (m == 0 || score - x[m - 1] >= TIE) {
                    x[m++] = score;
                }
                sum[m - 1] += takePositive ? 1 : 0;
                weight[m - 1] += 1;
            }
            // pool adjacent violators: blocks on a stack, merged while a block's mean is below
            // the one before it; end[b] is the last point of block b
            double[] blockSum = new double[m];
            double[] blockWeight = new double[m];
            int[] end = new int[m];
            int blocks = 0;
            for (int j = 0; j < m; j++) {
                blockSum[blocks] = sum[j];
                blockWeight[blocks] = weight[j];
                end[blocks] = j;
                blocks++;
                while (blocks > 1 && blockSum[blocks - 2] / blockWeight[blocks - 2]
                        > blockSum[blocks - 1] / blockWeight[blocks - 1]) {
                    blockSum[blocks - 2] += blockSum[blocks - 1];
                    blockWeight[blocks - 2] += blockWeight[blocks - 1];
                    end[blocks - 2] = end[blocks - 1];
                    blocks--;
                }
            }
            double[] y = new double[m];
            for (int b = 0, j = 0; b < blocks; b++) {
                double mean = blockSum[b] / blockWeight[b];
                for (; j <= end[b]; j++) {
                    y[j] = mean;
                }
            }
            return withoutInnerPoints(x, y, m);
        }

        /**
         * Keeps the first and the last point of each run of equal y (as scikit-learn does after its fit):
         * linear interpolation between the kept points gives the same map, and applying it searches far
         * fewer points.
         */
        private static Steps withoutInnerPoints(double[] x, double[] y, int m) {
            double[] keptX = new double[m];
            double[] keptY = new double[m];
            int kept = 0;
            for (int j = 0; j < m; j++) {
                if (j == 0 || j == m - 1 || y[j] != y[j - 1] || y[j] != y[j + 1]) {
                    keptX[kept] = x[j];
                    keptY[kept++] = y[j];
                }
            }
            return new Steps(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
        }

        @Override
        public double apply(double score) {
            int m = x.length;
            if (m == 1) {
                return y[0];
            }
            double s = Math.min(Math.max(score, x[0]), x[m - 1]);
            // hi: the first x >= s, at least 1 (scipy's interp1d)
            int hi = Arrays.binarySearch(x, s);
            hi = hi >= 0 ? Math.max(hi, 1) : Math.max(-hi - 1, 1);
            int lo = hi - 1;
            double slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
            return slope * (s - x[lo]) + y[lo];
        }

        @Override
        public Map<String, List<Double>> parameters() {
            return OneVsRest.pair("x", OneVsRest.list(x), "y", OneVsRest.list(y));
        }

        @Override
        public String describe() {
            return x.length + " points on [" + x[0] + ", " + x[x.length - 1] + "], y from " + y[0]
                    + " to " + y[y.length - 1];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
