package org.temper.calibration.temperature;

import org.temper.calibration.CalibrationReport;

/**
 * A fitted temperature and the held-out metrics before and after scaling by it.
 *
 * @param objective what T minimises
 * @param temperature the fitted T &gt; 0
 * @param before the report of the unscaled predictions
 * @param after the report of softmax(z / T)
 */
public record TemperatureFit(TemperatureScaling.Objective objective, double temperature,
                             CalibrationReport before, CalibrationReport after) {
}
