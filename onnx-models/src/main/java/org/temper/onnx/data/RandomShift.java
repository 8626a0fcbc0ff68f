package org.temper.onnx.data;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Data augmentation by random translation: each image of shape [C, H, W] moves by an independent
 * whole-pixel offset in [-maxShift, maxShift] along each axis, vacated pixels become 0 (an image
 * moved by its whole width or height becomes all 0). The replication used up to 2 pixels on
 * 28 x 28 images.
 */
public final class RandomShift {

    private final int maxShift;

    /**
     * @param maxShift the largest offset in pixels, &gt;= 0
     */
    public RandomShift(int maxShift) {
        if (maxShift < 0) {
            throw new IllegalArgumentException("The largest shift must be >= 0 pixels, got " + maxShift);
        }
        this.maxShift = maxShift;
    }

    /** @return the largest offset in pixels. */
    public int maxShift() {
        return maxShift;
    }

    /**
     * Writes a shifted copy of every example of {@code data} into {@code target}.
     * @param data images of shape [C, H, W] (or [H, W])
     * @param target a direct buffer of the same size, overwritten
     * @param random the seeded source of offsets
     */
    public void apply(DenseDataset data, FloatBuffer target, Random random) {
        long[] s = data.exampleShape();
        if (s.length < 2) {
            throw new IllegalArgumentException("Random shifts need image examples [C, H, W], got rank " + s.length);
        }
        int h = (int) s[s.length - 2];
        int w = (int) s[s.length - 1];
        int channels = data.exampleSize() / (h * w);
        FloatBuffer src = data.features();
        float[] in = new float[data.exampleSize()];
        float[] out = new float[data.exampleSize()];
        for (int n = 0; n < data.size(); n++) {
            src.get(n * in.length, in);
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            Arrays.fill(out, 0f);
            for (int c = 0; c < channels && Math.abs(dx) < w; c++) {
                int base = c * h * w;
                for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
                    System.arraycopy(in, base + (y - dy) * w + Math.max(0, -dx), out, base + y * w + Math.max(0, dx),
                            w - Math.abs(dx));
                }
            }
            target.put(n * out.length, out);
        }
    }
}
