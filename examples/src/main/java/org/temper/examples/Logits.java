package org.temper.examples;

/** Small computations on row-major logits used by the commands. */
final class Logits {

    private Logits() {
    }

    /**
     * @param logits n * k values
     * @param labels n labels
     * @param k number of classes
     * @return the fraction of examples whose largest logit is the label
     */
    static double accuracy(float[] logits, long[] labels, int k) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (logits[i * k + c] > logits[i * k + arg]) {
                    arg = c;
                }
            }
            correct += arg == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }
}
