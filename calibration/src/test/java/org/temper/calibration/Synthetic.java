package org.temper.calibration;

import java.util.Random;

/** Seeded synthetic predictions for property tests. */
final class Synthetic {

    private Synthetic() {
    }

    /** A perfectly calibrated binary model: p ~ U(0, 1), label 1 with probability p. */
    static Predictions calibratedBinary(int n, Random random) {
        double[] positive = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble();
            labels[i] = random.nextDouble() < positive[i] ? 1 : 0;
        }
        return Predictions.binary(positive, labels);
    }

    /** Gaussian logits of K classes with uniformly random labels. */
    static Predictions randomLogits(int n, int classes, Random random) {
        double[] logits = new double[n * classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            for (int k = 0; k < classes; k++) {
                logits[i * classes + k] = 2 * random.nextGaussian() + (k == labels[i] ? 1.5 : 0);
            }
        }
        return Predictions.fromLogits(logits, labels, classes);
    }
}
