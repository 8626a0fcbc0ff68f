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
}
