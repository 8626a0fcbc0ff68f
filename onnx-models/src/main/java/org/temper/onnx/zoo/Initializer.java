package org.temper.onnx.zoo;

import java.util.Random;

/** Seeded weight initialisers. */
public enum Initializer {
    /** He (Kaiming) normal: N(0, 2 / fanIn), for ReLU networks. */
    HE_NORMAL,
    /** Glorot (Xavier) uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
    GLOROT_UNIFORM,
    /** N(0, 0.03^2) for every weight and bias: the replication's fully connected networks. */
    NORMAL_003;

    /**
     * @param fanIn inputs per unit
     * @param fanOut outputs per unit
     * @param count number of values
     * @param random the seeded source
     * @return the weights
     */
    public float[] weights(int fanIn, int fanOut, int count, Random random) {
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) switch (this) {
                case HE_NORMAL -> random.nextGaussian() * Math.sqrt(2.0 / fanIn);
                case GLOROT_UNIFORM -> (2 * random.nextDouble() - 1) * Math.sqrt(6.0 / (fanIn + fanOut));
                case NORMAL_003 -> random.nextGaussian() * 0.03;
            };
        }
        return w;
    }

    /**
     * @param count number of biases
     * @param random the seeded source
     * @return zero biases, or N(0, 0.03^2) for {@link #NORMAL_003}
     */
    public float[] biases(int count, Random random) {
        float[] b = new float[count];
        if (this == NORMAL_003) {
            for (int i = 0; i < count; i++) {
                b[i] = (float) (random.nextGaussian() * 0.03);
            }
        }
        return b;
    }
}
