package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalTest {

    /**
     * 8 of 10 by hand, z = 1.959964: z^2 = 3.841459, z^2 / n = 0.384146;
     * centre = (0.8 + 0.192073) / 1.384146 = 0.716740;
     * half = 1.959964 / 1.384146 * sqrt(0.016 + 0.009604) = 1.416010 * 0.160011 = 0.226578;
     * so [0.490162, 0.943318], the published [0.4902, 0.9433] to four places.
     */
    @Test
    void wilsonOfEightInTen() {
        Interval i = Interval.wilson(0.8, 10);
        assertEquals(0.490162, i.lower(), 1e-6);
        assertEquals(0.943318, i.upper(), 1e-6);
        assertEquals(0.95, i.level());
    }

    /** At p = 1 the interval is [n / (n + z^2), 1], at p = 0 [0, z^2 / (n + z^2)]: never of width 0. */
    @Test
    void wilsonAtTheEnds() {
        Interval one = Interval.wilson(1, 1);
        assertEquals(1 / (1 + 3.841459), one.lower(), 1e-6);
        assertEquals(1, one.upper());
        Interval none = Interval.wilson(0, 3);
        assertEquals(0, none.lower());
        assertEquals(3.841459 / (3 + 3.841459), none.upper(), 1e-6);
    }

    @Test
    void aBinsAccuracyIntervalIsTheWilsonIntervalOfItsCount() {
        Bin bin = new Bin(0.8, 0.8667, 10, 0.82, 0.8);
        assertEquals(Interval.wilson(0.8, 10), bin.accuracyInterval());
        assertThrows(IllegalArgumentException.class, () -> new Bin(0, 0.1, 0, Double.NaN, Double.NaN).accuracyInterval());
        assertThrows(IllegalArgumentException.class, () -> Interval.wilson(1.5, 4));
    }
}
