package org.temper.onnx.data;

import java.util.Random;

/** Small synthetic data sets for tests. */
public final class SyntheticData {

    private SyntheticData() {
    }

    /**
     * Three Gaussian blobs in 4 dimensions, class c centred at 2 on axis c, standard deviation 0.5.
     * @param n number of examples (labels cycle 0, 1, 2)
     * @param seed the seed
     * @return the data set
     */
    public static DenseDataset blobs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 4];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int d = 0; d < 4; d++) {
                x[i * 4 + d] = (float) (r.nextGaussian() * 0.5 + (d == y[i] ? 2 : 0));
            }
        }
        return DenseDataset.of(x, y, new long[] {4}, 3);
    }

    /**
     * Gaussian images (standard deviation 0.25), class c brighter by 0.5 in the c-th of k bands of
     * pixels of channel c mod C: learnable at moderate rates, and (being continuous) free of ties in
     * max pooling and of exact zeros before a ReLU.
     * @param n number of examples (labels cycle 0..k-1)
     * @param shape [C, H, W]
     * @param k number of classes
     * @param seed the seed
     * @return the data set
     */
    public static DenseDataset images(int n, long[] shape, int k, long seed) {
        Random r = new Random(seed);
        int channels = (int) shape[0];
        int plane = (int) (shape[1] * shape[2]);
        float[] x = new float[n * channels * plane];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            int c = i % k;
            y[i] = c;
            for (int j = 0; j < channels * plane; j++) {
                int p = j % plane;
                boolean band = j / plane == c % channels && p * k / plane == c;
                x[i * channels * plane + j] = (float) (0.25 * r.nextGaussian() + (band ? 0.5 : 0));
            }
        }
        return DenseDataset.of(x, y, shape, k);
    }
}
