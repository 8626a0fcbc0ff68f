package org.temper.examples.reproduce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The penalty experiment's one-example optima, against numbers worked by hand. */
class PenaltyTheoryTest {

    @Test
    void theSmoothedTargetsEntropyIsThatOfPointNineOneAndNineTimesPointZeroOne() {
        // K = 10, a = 0.1: q = 0.91 and 0.01 (nine times);
        // H = -0.91 ln 0.91 - 9 (0.01 ln 0.01) = 0.0858227 + 0.4144653 = 0.500288.
        assertEquals(0.500288, PenaltyTheory.smoothedTargetEntropy(0.1, 10), 1e-6);
        // K = 2, a = 0.5: q = (0.75, 0.25); H = 0.2157616 + 0.3465736 = 0.5623351.
        assertEquals(0.5623351, PenaltyTheory.smoothedTargetEntropy(0.5, 2), 1e-7);
        // a = 0: a one-hot target has no entropy; a = 1: the uniform target has ln K.
        assertEquals(0, PenaltyTheory.smoothedTargetEntropy(0, 10), 1e-15);
        assertEquals(Math.log(10), PenaltyTheory.smoothedTargetEntropy(1, 10), 1e-12);
    }

    @Test
    void thePenaltysOptimumSolvesOneOverQEqualsBTimesTheLogOdds() {
        // K = 2, b = 1: 1/q = ln(q / (1 - q)). q = 0.78 gives 1.2821 > 1.2657 and q = 0.785 gives
        // 1.2739 < 1.2950, so the root lies between; the bisection's root satisfies the equation.
        double q = PenaltyTheory.optimumConfidence(1, 2);
        assertEquals(0.7822, q, 5e-4);
        assertEquals(1 / q, Math.log(q / (1 - q)), 1e-9);
        // K = 10, b = 2: 1/q = 2 ln(9q / (1 - q)); q = 0.33 gives 3.03 > 2.98, q = 0.335 gives 2.985 < 3.02.
        assertEquals(0.3325, PenaltyTheory.optimumConfidence(2, 10), 2.5e-3);
        assertEquals(1, PenaltyTheory.optimumConfidence(0, 10));
    }

    @Test
    void theHingesOptimumIsTheLargerOfThePenaltysAndTheThresholdsConfidence() {
        double g = PenaltyTheory.smoothedTargetEntropy(0.1, 10);
        // The q with entropy G is label smoothing's target 0.91 itself.
        assertEquals(0.91, PenaltyTheory.confidenceOfEntropy(g, 10), 1e-12);
        // b = 2 alone would stop at q = 0.33 < 0.91: the hinge stops at 0.91.
        assertEquals(0.91, PenaltyTheory.hingeOptimumConfidence(2, g, 10), 1e-12);
        // b = 0.2 alone stops at q = 0.954 > 0.91 (1/q = 1.048, 0.2 ln(9 * 0.954 / 0.046) = 1.045).
        assertEquals(PenaltyTheory.optimumConfidence(0.2, 10), PenaltyTheory.hingeOptimumConfidence(0.2, g, 10));
        assertEquals(0.954, PenaltyTheory.optimumConfidence(0.2, 10), 1e-3);
    }
}
