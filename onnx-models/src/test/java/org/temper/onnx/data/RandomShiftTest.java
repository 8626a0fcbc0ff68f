package org.temper.onnx.data;

import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-pixel translations with zero fill, one offset per image drawn from the given Random. */
class RandomShiftTest {

    /** Two 3 x 3 planes: two images of one channel, or one image of two channels. */
    private static final float[] PLANES = {
        1, 2, 3,
        4, 5, 6,
        7, 8, 9,

        11, 12, 13,
        14, 15, 16,
        17, 18, 19};

    private static float[] shifted(RandomShift shift, DenseDataset data, Random random) {
        FloatBuffer target = DenseDataset.allocateDirect((long) data.size() * data.exampleSize());
        shift.apply(data, target, random);
        float[] out = new float[target.capacity()];
        target.get(0, out);
        return out;
    }

    private static float[] features(DenseDataset data) {
        float[] x = new float[data.size() * data.exampleSize()];
        data.features().get(0, x);
        return x;
    }

    @Test
    void eachImageMovesByItsOwnOffsetAndVacatedPixelsAreZero() {
        // new Random(42).nextInt(3) - 1 draws dy = +1, dx = -1 for the first image, dy = -1, dx = +1 for the second
        Random probe = new Random(42);
        assertArrayEquals(new int[] {2, 0, 0, 2},
                new int[] {probe.nextInt(3), probe.nextInt(3), probe.nextInt(3), probe.nextInt(3)});
        DenseDataset data = DenseDataset.of(PLANES, new long[] {1, 0}, new long[] {1, 3, 3}, 2);
        float[] expected = {
            // one down, one left
            0, 0, 0,
            2, 3, 0,
            5, 6, 0,
            // one up, one right
            0, 14, 15,
            0, 17, 18,
            0, 0, 0};
        assertArrayEquals(expected, shifted(new RandomShift(1), data, new Random(42)));
        assertArrayEquals(PLANES, features(data), "the source images are not changed");
        assertArrayEquals(new long[] {1, 0}, data.labels(), "labels are not changed");
    }

    @Test
    void everyChannelOfAnImageMovesTogether() {
        // new Random(3) draws dy = +1, dx = +1 for the first image
        DenseDataset data = DenseDataset.of(PLANES, new long[] {0}, new long[] {2, 3, 3}, 1);
        float[] expected = {
            0, 0, 0,
            0, 1, 2,
            0, 4, 5,

            0, 0, 0,
            0, 11, 12,
            0, 14, 15};
        assertArrayEquals(expected, shifted(new RandomShift(1), data, new Random(3)));
    }

    @Test
    void imagesWithoutAChannelAxisShiftToo() {
        DenseDataset data = DenseDataset.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {0},
                new long[] {3, 3}, 1);
        assertArrayEquals(new float[] {0, 0, 0, 2, 3, 0, 5, 6, 0}, shifted(new RandomShift(1), data, new Random(42)));
    }

    @Test
    void shiftZeroIsTheIdentity() {
        float[] x = new float[3 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        DenseDataset data = DenseDataset.of(x, new long[] {0, 1, 2}, new long[] {1, 4, 4}, 3);
        assertArrayEquals(x, shifted(new RandomShift(0), data, new Random(7)));
    }

    @Test
    void offsetsCoverEveryWholePixelUpToTheLargestShiftAndNoMore() {
        int n = 400;
        float[] x = new float[n * 25];
        for (int i = 0; i < n; i++) {
            x[i * 25 + 2 * 5 + 2] = 1; // the centre of a 5 x 5 image
        }
        DenseDataset data = DenseDataset.of(x, new long[n], new long[] {1, 5, 5}, 1);
        float[] out = shifted(new RandomShift(2), data, new Random(11));
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int lit = -1;
            for (int p = 0; p < 25; p++) {
                if (out[i * 25 + p] != 0) {
                    assertEquals(-1, lit, "image " + i + " holds one lit pixel");
                    lit = p;
                }
            }
            assertTrue(lit >= 0, "a shift of at most 2 keeps the centre of a 5 x 5 image inside it");
            positions.add(lit);
        }
        assertEquals(25, positions.size(), "every offset in [-2, 2] x [-2, 2] occurs");
    }

    @Test
    void aShiftPastTheEdgeLeavesOnlyZeros() {
        float[] x = new float[50 * 9];
        Arrays.fill(x, 1f);
        DenseDataset data = DenseDataset.of(x, new long[50], new long[] {1, 3, 3}, 1);
        float[] out = shifted(new RandomShift(5), data, new Random(2));
        int empty = 0;
        for (int i = 0; i < 50; i++) {
            boolean allZero = true;
            for (int p = 0; p < 9; p++) {
                allZero &= out[i * 9 + p] == 0;
            }
            empty += allZero ? 1 : 0;
        }
        assertTrue(empty > 0 && empty < 50, empty + " of 50 images moved wholly out");
    }

    @Test
    void badSettingsAndNonImagesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomShift(-1)).getMessage()
                .contains("got -1"));
        DenseDataset vectors = DenseDataset.of(new float[4], new long[] {0}, new long[] {4}, 1);
        FloatBuffer target = DenseDataset.allocateDirect(4);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new RandomShift(1).apply(vectors, target, new Random(1))).getMessage().contains("rank 1"));
    }
}
