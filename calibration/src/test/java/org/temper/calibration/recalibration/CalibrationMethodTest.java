package org.temper.calibration.recalibration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalibrationMethodTest {

    @Test
    void namesGiveTheirCalibrators() {
        assertEquals("Platt scaling (one-vs-rest)", CalibrationMethod.named("platt").calibrator(15).name());
        assertEquals(IsotonicCalibration.create().name(), CalibrationMethod.named("Isotonic").calibrator(15).name());
        assertEquals(HistogramBinning.equalMass(7).name(), CalibrationMethod.named("histogram").calibrator(7).name());
        assertEquals("temperature scaling", CalibrationMethod.named(" temperature ").calibrator(15).name());
        for (CalibrationMethod m : CalibrationMethod.values()) {
            assertEquals(m, CalibrationMethod.named(m.key()));
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationMethod.named("bayes"));
        assertEquals("no recalibration method is named 'bayes': use one of temperature, vector, matrix, dirichlet,"
                + " ets, platt, isotonic, histogram, beta", e.getMessage());
    }
}
