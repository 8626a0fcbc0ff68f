package org.temper.examples.reproduce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MutualInformationTest {

    @Test
    void identicalMeansCarryNoInformation() {
        MutualInformation m = MutualInformation.of(new double[][] {{-1, 1}, {1, -1}, {0.5, -0.5}});
        assertEquals(0, m.information(), 1e-12);
        assertEquals((2 + 2 + 0.5) / 3, m.noise(), 1e-12, "unbiased variances 2, 2, 0.5");
        assertEquals(0, m.signal(), 1e-12);
    }

    @Test
    void meansFarApartComparedWithTheNoiseCarryLogN() {
        MutualInformation m = MutualInformation.of(new double[][] {{-1, 1}, {999, 1001}, {1999, 2001}, {2999, 3001}});
        assertEquals(Math.log(4), m.information(), 1e-12);
        assertEquals(4, m.examples());
    }

    @Test
    void twoExamplesWorkedByHand() {
        // mu = 0 and 1; variances (1 + 1) / 1 = 2 each, sigma^2 = 2; (mu_1 - mu_2)^2 / (2 sigma^2) = 1/4;
        // I = log 2 - (1/2) * 2 * log(1 + e^-0.25) = 0.693147 - 0.575939 = 0.117208
        MutualInformation m = MutualInformation.of(new double[][] {{-1, 1}, {0, 2}});
        assertEquals(0.11720776068110161, m.information(), 1e-12);
        assertEquals(2, m.noise(), 1e-12);
        assertEquals(0.25, m.signal(), 1e-12, "means 0 and 1 around 0.5");
    }

    @Test
    void noNoiseOrTooFewPassesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MutualInformation.of(new double[][] {{1, 1},
            {2, 2}})).getMessage().contains("undefined"));
        assertThrows(IllegalArgumentException.class, () -> MutualInformation.of(new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> MutualInformation.of(new double[][] {{1, 2}, {2}}));
    }
}
