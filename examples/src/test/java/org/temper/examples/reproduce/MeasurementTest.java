package org.temper.examples.reproduce;

import org.junit.jupiter.api.Test;
import org.temper.calibration.Predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The figures every experiment reports, on predictions worked by hand. */
class MeasurementTest {

    @Test
    void meanEntropyAveragesEachRowsEntropyInNatsWithZeroLogZeroAsZero() {
        // Rows (0.5, 0.5): ln 2; (1, 0): 0; (0.25, 0.75): -(0.25 ln 0.25 + 0.75 ln 0.75) = 0.5623351446188083.
        Predictions p = Predictions.fromProbabilities(new double[] {0.5, 0.5, 1, 0, 0.25, 0.75}, new int[] {0, 0, 1}, 2);
        assertEquals((Math.log(2) + 0.5623351446188083) / 3, Measurement.meanEntropy(p), 1e-12);
    }

    @Test
    void measuresAccuracyConfidenceAndNllOfTheSamePredictions() {
        // Predicted 0 (right), 0 (right), 1 (wrong): accuracy 2/3; confidences 0.5, 1, 0.75;
        // NLL = -(ln 0.5 + ln 1 + ln 0.25) / 3.
        Predictions p = Predictions.fromProbabilities(new double[] {0.5, 0.5, 1, 0, 0.25, 0.75}, new int[] {0, 0, 0}, 2);
        Measurement m = Measurement.of(p);
        assertEquals(2.0 / 3, m.accuracy(), 1e-12);
        assertEquals(0.75, m.meanConfidence(), 1e-12);
        assertEquals(-(Math.log(0.5) + Math.log(0.25)) / 3, m.nll(), 1e-9);
    }
}
