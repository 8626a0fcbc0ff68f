package org.temper.calibration.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PenultimateProjectionTest {

    @Test
    void handWorkedBasisAndCoordinates() {
        // w3 = 0, w1 = (1, 1, 0), w2 = (1, 0, 1):
        // d1 = (1, 1, 0), |d1| = sqrt 2, u = (1, 1, 0) / sqrt 2
        // r12 = d2.u = 1 / sqrt 2; d2 - r12 u = (1, 0, 1) - (.5, .5, 0) = (.5, -.5, 1), norm sqrt 1.5
        // v = (.5, -.5, 1) / sqrt 1.5
        // a = (1, 2, 3): a.u = 3 / sqrt 2, a.v = (.5 - 1 + 3) / sqrt 1.5 = 2.5 / sqrt 1.5
        PenultimateProjection p = PenultimateProjection.of(new double[] {1, 1, 0}, new double[] {1, 0, 1}, new double[3]);
        double r2 = Math.sqrt(2);
        double r15 = Math.sqrt(1.5);
        assertArrayEquals(new double[] {1 / r2, 1 / r2, 0}, p.u(), 1e-12);
        assertArrayEquals(new double[] {.5 / r15, -.5 / r15, 1 / r15}, p.v(), 1e-12);
        assertArrayEquals(new double[] {3 / r2, 2.5 / r15}, p.coordinates(new double[] {1, 2, 3}), 1e-12);
        // template w1 = (1, 1, 0): (2 / sqrt 2, 0); w3 = 0: (0, 0)
        assertArrayEquals(new double[] {r2, 0}, p.templateCoordinates(0), 1e-12);
        assertArrayEquals(new double[] {0, 0}, p.templateCoordinates(2), 1e-12);
    }

    @Test
    void templatesKeepTheirDistancesInThePlane() {
        Random random = new Random(5);
        double[][] w = new double[3][50];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        PenultimateProjection p = PenultimateProjection.of(w[0], w[1], w[2]);
        assertEquals(0, dot(p.u(), p.v()), 1e-12);
        assertEquals(1, dot(p.u(), p.u()), 1e-12);
        assertEquals(1, dot(p.v(), p.v()), 1e-12);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double[] pa = p.templateCoordinates(a);
                double[] pb = p.templateCoordinates(b);
                double inPlane = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
                double original = 0;
                for (int j = 0; j < 50; j++) {
                    original += (w[a][j] - w[b][j]) * (w[a][j] - w[b][j]);
                }
                assertEquals(Math.sqrt(original), inPlane, 1e-10);
            }
        }
    }

    @Test
    void collinearTemplatesSpanNoPlane() {
        assertThrows(IllegalArgumentException.class, () -> PenultimateProjection.of(
                new double[] {1, 1}, new double[] {2, 2}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> PenultimateProjection.of(
                new double[] {1, 1}, new double[] {2, 3}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> PenultimateProjection.of(
                new double[] {1, 1}, new double[] {2, 3}, new double[] {1, 1, 1}));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
