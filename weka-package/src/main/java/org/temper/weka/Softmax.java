package org.temper.weka;

/** The numerically stable softmax of one row of logits. */
final class Softmax {

    private Softmax() {
    }

    /**
     * @param logits row-major logits
     * @param offset where the row starts
     * @param k the row's length
     * @return the probabilities
     */
    static double[] of(float[] logits, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double[] p = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(logits[offset + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
