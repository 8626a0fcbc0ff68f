package org.temper.examples.reproduce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spearman's rho against hand-worked ranks and sums. */
class RankCorrelationTest {

    @Test
    void tiesShareTheMeanOfTheirRanks() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {0.1, 0.5, 0.5, 0.9}));
        assertArrayEquals(new double[] {3, 1, 2}, RankCorrelation.ranks(new double[] {7, -1, 2}));
    }

    @Test
    void monotoneValuesGiveOneOrMinusOne() {
        assertEquals(1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 300}), 1e-12);
        assertEquals(-1, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
    }

    @Test
    void withATieItIsThePearsonCorrelationOfTheRanks() {
        // ranks x = 1, 2.5, 2.5, 4 and y = 1, 3, 2, 4, both of mean 2.5: deviations x -1.5, 0, 0, 1.5 and
        // y -1.5, 0.5, -0.5, 1.5; sum of products 4.5, of squares 4.5 and 5: rho = 4.5 / sqrt(22.5) = 0.948683
        double rho = RankCorrelation.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 30, 20, 40});
        assertEquals(4.5 / Math.sqrt(22.5), rho, 1e-12);
        assertEquals(0.948683, rho, 1e-6);
    }

    @Test
    void isUndefinedForOnePairOrConstantValues() {
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1}, new double[] {2})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 1}, new double[] {2, 3})));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[2], new double[3]));
    }
}
