package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Validation of inputs and the row accessors. */
class PredictionsTest {

    private static InvalidRowException badRow(Runnable build) {
        return assertThrows(InvalidRowException.class, build::run);
    }

    @Test
    void rowNotSummingToOneIsNamed() {
        InvalidRowException e = badRow(() -> Predictions.fromProbabilities(
                new double[] {.5, .5, .6, .6, .7, .7}, new int[] {0, 0, 0}, 2));
        assertEquals(1, e.row());
        assertEquals("row 1: probabilities sum to 1.2, not 1 (tolerance 1.0E-4)", e.getMessage());
    }

    @Test
    void negativeAndNaNProbabilitiesAreNamed() {
        assertEquals(2, badRow(() -> Predictions.fromProbabilities(
                new double[] {.5, .5, 1, 0, 1.5, -.5}, new int[] {0, 0, 0}, 2)).row());
        InvalidRowException nan = badRow(() -> Predictions.fromProbabilities(
                new double[] {Double.NaN, 1}, new int[] {0}, 2));
        assertEquals("probability of class 0 is NaN, not in [0, 1]", nan.reason());
    }

    @Test
    void toleranceIsConfigurable() {
        double[] rounded = {.333, .333, .333};
        assertThrows(InvalidRowException.class, () -> Predictions.fromProbabilities(rounded, new int[] {0}, 3));
        assertEquals(1, Predictions.fromProbabilities(rounded, new int[] {0}, 3, 1e-2).size());
    }

    @Test
    void labelOutOfRangeIsNamed() {
        InvalidRowException e = badRow(() -> Predictions.fromLogits(new double[] {0, 1, 2, 3}, new int[] {1, 2}, 2));
        assertEquals("row 1: label 2 is not in [0, 2)", e.getMessage());
        assertEquals(0, badRow(() -> Predictions.binary(new double[] {.5}, new int[] {-1})).row());
    }

    @Test
    void nonFiniteLogitIsNamed() {
        InvalidRowException e = badRow(() -> Predictions.fromLogits(
                new double[] {0, 1, Double.POSITIVE_INFINITY, 3}, new int[] {0, 0}, 2));
        assertEquals("row 1: logit of class 0 is Infinity", e.getMessage());
    }

    @Test
    void binaryProbabilityOutsideUnitIntervalIsNamed() {
        assertEquals(1, badRow(() -> Predictions.binary(new double[] {.5, 1.25}, new int[] {0, 1})).row());
    }

    @Test
    void shapesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.fromLogits(new double[5], new int[2], 2));
        assertEquals("5 values do not make 2 rows of 2 classes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Predictions.fromLogits(new double[2], new int[2], 1));
        assertThrows(IllegalArgumentException.class, () -> Predictions.fromLogits(new double[0], new int[0], 2));
    }

    @Test
    void probabilitiesAreSoftmaxOfScaledLogits() {
        Predictions p = Predictions.fromLogits(new double[] {0, Math.log(3)}, new int[] {1}, 2);
        double[] row = new double[2];
        p.probabilities(0, row);
        assertArrayEquals(new double[] {.25, .75}, row, 1e-15);
        // T = 1/2 doubles the logits: softmax([0, 2 ln 3]) = [1, 9] / 10
        p.withTemperature(0.5).probabilities(0, row);
        assertArrayEquals(new double[] {.1, .9}, row, 1e-15);
        p.withTemperature(0.5).logits(0, row);
        assertArrayEquals(new double[] {0, 2 * Math.log(3)}, row, 1e-15);
    }

    @Test
    void temperatureNeedsLogits() {
        Predictions p = Predictions.fromProbabilities(new double[] {.25, .75}, new int[] {1}, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.withTemperature(2));
        assertTrue(e.getMessage().contains("logitsFromLogProbabilities"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> p.logitsFromLogProbabilities().withTemperature(0));
    }

    @Test
    void logOfZeroProbabilityIsAFiniteLogit() {
        Predictions p = Predictions.fromProbabilities(new double[] {0, 1}, new int[] {1}, 2)
                .logitsFromLogProbabilities();
        double[] row = new double[2];
        p.logits(0, row);
        assertArrayEquals(new double[] {Math.log(Double.MIN_NORMAL), 0}, row, 0);
        assertTrue(p.hasLogits());
    }
}
