package org.temper.examples.reproduce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClusterShapeTest {

    @Test
    void spreadsDistancesTightnessAndUnevennessWorkedByHand() {
        // class 0 at (-1, 0), (1, 0): centroid (0, 0), spread 1; class 1 at (6, -2), (6, 2): centroid (6, 0),
        // spread 2; class 2 at (0, 8): spread 0. Distances 6, 8, 10 (mean 8); mean spread 1;
        // tightness 1 / 8; unevenness (10 - 6) / 8.
        ClusterShape s = ClusterShape.of(new double[] {-1, 1, 6, 6, 0}, new double[] {0, 0, -2, 2, 8},
                new int[] {0, 0, 1, 1, 2});
        assertArrayEquals(new double[] {1, 2, 0}, s.spreads(), 1e-12);
        assertArrayEquals(new double[] {6, 8, 10}, s.distances(), 1e-12);
        assertEquals(1, s.spread(), 1e-12);
        assertEquals(8, s.meanDistance(), 1e-12);
        assertEquals(0.125, s.tightness(), 1e-12);
        assertEquals(0.5, s.unevenness(), 1e-12);
    }

    @Test
    void anEquilateralTriangleIsEven() {
        double h = Math.sqrt(3);
        ClusterShape s = ClusterShape.of(new double[] {0, 2, 1}, new double[] {0, 0, h}, new int[] {0, 1, 2});
        assertEquals(0, s.unevenness(), 1e-12);
        assertEquals(0, s.tightness(), 1e-12);
    }

    @Test
    void aClassWithoutPointsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClusterShape.of(new double[] {0, 1}, new double[] {0, 1},
                new int[] {0, 1}));
    }
}
