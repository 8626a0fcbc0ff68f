package org.temper.calibration;

/**
 * One streaming pass over the examples that accumulates everything but the equal-mass bins:
 * equal-width bin sums, optional per-class bin sums, and the sums behind Brier, NLL, accuracy
 * and mean confidence. Holds O(K * B) numbers whatever N is. Examples may carry integer
 * weights (bootstrap counts).
 */
final class RowPass {

    final double[] edges;
    final BinSums topLabel;
    /** One per class when classwise ECE is wanted, else null. */
    final BinSums[] perClass;
    long count;
    double confidence;
    double correct;
    double brier;
    double nll;

    private RowPass(int bins, int classes, boolean classwise) {
        edges = BinSums.equalWidthEdges(bins);
        topLabel = new BinSums(bins);
        perClass = classwise ? new BinSums[classes] : null;
        if (classwise) {
            for (int k = 0; k < classes; k++) {
                perClass[k] = new BinSums(bins);
            }
        }
    }

    /**
     * Runs the pass.
     * @param p the predictions
     * @param bins B
     * @param classwise whether to accumulate per-class bins
     * @param weights per-example weights, or null for 1 each
     * @param keysOut receives each example's {@link EqualMassBins#key}, or null
     * @return the sums
     */
    static RowPass run(Predictions p, int bins, boolean classwise, int[] weights, long[] keysOut) {
        RowPass pass = new RowPass(bins, p.classes, classwise);
        pass.accumulate(p, weights, keysOut);
        return pass;
    }

    private void accumulate(Predictions p, int[] weights, long[] keysOut) {
        final int classes = p.classes;
        final double[] v = p.values;
        final double scale = p.inverseTemperature;
        final double[] row = new double[classes];
        // Local sums: the JIT keeps them in registers, where fields would be stored every row.
        long n = 0;
        double sumConfidence = 0;
        double sumCorrect = 0;
        double sumBrier = 0;
        double sumNll = 0;
        for (int i = 0; i < p.labels.length; i++) {
            int w = weights == null ? 1 : weights[i];
            if (w == 0) {
                continue;
            }
            int base = i * classes;
            int y = p.labels[i];
            int pred = 0;
            double max = v[base];
            double squares = v[base] * v[base]; // sum of p_k^2, used for probabilities
            for (int k = 1; k < classes; k++) {
                double x = v[base + k];
                squares += x * x;
                if (x > max) {
                    max = x;
                    pred = k;
                }
            }
            double conf;
            double missing; // 1 - p_y
            double othersSquared; // sum over k != y of p_k^2
            double logLoss;
            if (p.logits) {
                double sum = 0;
                double others = 0;
                othersSquared = 0;
                for (int k = 0; k < classes; k++) {
                    double e = Math.exp(scale * (v[base + k] - max));
                    row[k] = e;
                    sum += e;
                    if (k != y) {
                        others += e;
                        othersSquared += e * e;
                    }
                }
                double norm = 1 / sum;
                conf = norm; // the arg max has e = exp(0) = 1
                missing = others * norm;
                othersSquared *= norm * norm;
                logLoss = Math.log(sum) - scale * (v[base + y] - max);
                if (perClass != null) {
                    for (int k = 0; k < classes; k++) {
                        row[k] *= norm;
                    }
                }
            } else {
                double py = v[base + y];
                othersSquared = squares - py * py;
                conf = max;
                missing = 1 - py;
                logLoss = -Math.log(py);
                if (perClass != null) {
                    System.arraycopy(v, base, row, 0, classes);
                }
            }
            boolean hit = pred == y;
            topLabel.add(BinSums.equalWidthBin(conf, edges), conf, hit ? 1 : 0, w);
            n += w;
            sumConfidence += w * conf;
            sumCorrect += hit ? w : 0;
            sumBrier += w * (othersSquared + missing * missing);
            sumNll += w * logLoss;
            if (perClass != null) {
                for (int k = 0; k < classes; k++) {
                    perClass[k].add(BinSums.equalWidthBin(row[k], edges), row[k], k == y ? 1 : 0, w);
                }
            }
            if (keysOut != null) {
                keysOut[i] = EqualMassBins.key(conf, hit);
            }
        }
        count = n;
        confidence = sumConfidence;
        correct = sumCorrect;
        brier = sumBrier;
        nll = sumNll;
    }
}
