package org.temper.calibration.bench;

/**
 * The peer of the benchmark: ECE, MCE, Brier and NLL computed the straightforward way, one pass
 * per quantity over materialised arrays (probabilities, confidences, predictions), as NumPy-style
 * code does. Written independently of the library.
 */
final class NaiveMultiPass {

    private NaiveMultiPass() {
    }

    static double[] softmax(double[] logits, int classes) {
        double[] p = new double[logits.length];
        for (int base = 0; base < logits.length; base += classes) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                p[base + k] = Math.exp(logits[base + k] - max);
                sum += p[base + k];
            }
            for (int k = 0; k < classes; k++) {
                p[base + k] /= sum;
            }
        }
        return p;
    }

    static double[] fromLogits(double[] logits, int[] labels, int classes, int bins) {
        return fromProbabilities(softmax(logits, classes), labels, classes, bins);
    }

    /** @return ECE, MCE, Brier, NLL */
    static double[] fromProbabilities(double[] p, int[] labels, int classes, int bins) {
        int n = labels.length;
        double[] confidence = new double[n];
        int[] prediction = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                if (p[i * classes + k] > confidence[i]) {
                    confidence[i] = p[i * classes + k];
                    prediction[i] = k;
                }
            }
        }
        int[] bin = new int[n];
        long[] count = new long[bins];
        double[] sumConfidence = new double[bins];
        double[] sumCorrect = new double[bins];
        for (int i = 0; i < n; i++) {
            bin[i] = Math.min((int) (confidence[i] * bins), bins - 1);
            count[bin[i]]++;
            sumConfidence[bin[i]] += confidence[i];
            sumCorrect[bin[i]] += prediction[i] == labels[i] ? 1 : 0;
        }
        double ece = 0;
        double mce = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double gap = Math.abs(sumCorrect[b] / count[b] - sumConfidence[b] / count[b]);
                ece += gap * count[b] / n;
                mce = Math.max(mce, gap);
            }
        }
        double brier = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                double d = p[i * classes + k] - (k == labels[i] ? 1 : 0);
                brier += d * d;
            }
        }
        double nll = 0;
        for (int i = 0; i < n; i++) {
            nll -= Math.log(p[i * classes + labels[i]]);
        }
        return new double[] {ece, mce, brier / n, nll / n};
    }
}
