package org.temper.onnx.data;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Per-feature standardisation fitted on training data: x' = (x - mean) / sd for every value of an
 * example. A feature that is constant in the training data (sd 0) is left as it is (mean 0, sd 1),
 * so that it neither divides by zero nor turns a later, different value into an unbounded one.
 * Means and standard deviations are computed in double precision (population sd, divisor N).
 * Immutable; models carry it as the first nodes of their inference graph.
 */
public final class Standardization {

    private final long[] exampleShape;
    private final float[] mean;
    private final float[] scale;

    private Standardization(long[] exampleShape, float[] mean, float[] scale) {
        this.exampleShape = exampleShape.clone();
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * @param data the training data
     * @return the per-feature means and standard deviations of its examples
     * @throws IllegalArgumentException when the data is empty
     */
    public static Standardization fit(DenseDataset data) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("Standardisation needs at least one training example");
        }
        int width = data.exampleSize();
        double[] sum = new double[width];
        FloatBuffer f = data.features();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                sum[j] += f.get(i * width + j);
            }
        }
        double[] mu = new double[width];
        for (int j = 0; j < width; j++) {
            mu[j] = sum[j] / n;
        }
        double[] squares = new double[width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                double d = f.get(i * width + j) - mu[j];
                squares[j] += d * d;
            }
        }
        float[] mean = new float[width];
        float[] scale = new float[width];
        for (int j = 0; j < width; j++) {
            double sd = Math.sqrt(squares[j] / n);
            boolean constant = !(sd > 0) || (float) sd == 0f;
            mean[j] = constant ? 0f : (float) mu[j];
            scale[j] = constant ? 1f : (float) (1 / sd);
        }
        return new Standardization(data.exampleShape(), mean, scale);
    }

    /** @return the shape of one example. */
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    /** @return the value subtracted from each feature (0 for a constant one). */
    public float[] mean() {
        return mean.clone();
    }

    /** @return the factor each centred feature is multiplied by: 1 / sd, or 1 for a constant feature. */
    public float[] scale() {
        return scale.clone();
    }

    /**
     * @param data examples of the fitted shape
     * @return a new data set with every example standardised, labels and classes unchanged
     */
    public DenseDataset apply(DenseDataset data) {
        if (!Arrays.equals(data.exampleShape(), exampleShape)) {
            throw new IllegalArgumentException("Standardisation was fitted on examples of shape "
                    + Arrays.toString(exampleShape) + ", not " + Arrays.toString(data.exampleShape()));
        }
        int width = mean.length;
        FloatBuffer in = data.features();
        FloatBuffer out = DenseDataset.allocateDirect((long) data.size() * width);
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < width; j++) {
                out.put((in.get(i * width + j) - mean[j]) * scale[j]);
            }
        }
        out.flip();
        return new DenseDataset(out, data.labels(), exampleShape, data.classNames());
    }
}
