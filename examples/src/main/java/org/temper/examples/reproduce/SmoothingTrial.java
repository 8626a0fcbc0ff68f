package org.temper.examples.reproduce;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
import org.temper.onnx.fit.EpochReport;

import java.util.List;

/**
 * One finished configuration of the smoothing experiment: a network trained with one alpha and one
 * seed, measured on the test set, with the temperatures fitted on the calibration part (held-out
 * images, or the test set when none are held out). Stored as JSON so that a rerun reads it back.
 *
 * @param alpha label smoothing's strength (0 = hard targets)
 * @param seed the recipe's seed
 * @param seconds wall-clock seconds of training and measuring
 * @param test the test figures
 * @param temperatureNll T fitted by NLL on the calibration part
 * @param eceAfterNll test ECE after scaling by temperatureNll
 * @param temperatureEce T fitted by ECE on a grid (0.05 to 5 by 0.01) on the calibration part
 * @param eceAfterEce test ECE after scaling by temperatureEce
 * @param history one report per epoch
 * @param testLogits the test logits and labels
 */
public record SmoothingTrial(double alpha, long seed, double seconds, Measurement test, double temperatureNll,
                             double eceAfterNll, double temperatureEce, double eceAfterEce, List<EpochReport> history,
                             StoredLogits testLogits) implements Measured {

    /** Copies the history. */
    public SmoothingTrial {
        history = List.copyOf(history);
    }

    /**
     * @param alpha the configuration
     * @param seed its seed
     * @param trained the trained network's predictions
     * @return the trial, with both temperature fits
     */
    static SmoothingTrial of(double alpha, long seed, TrialRunner.Trained trained) {
        TemperatureFit byNll = TemperatureScaling.byNll().fit(trained.calibration(), Measurement.SETTINGS);
        TemperatureFit byEce = TemperatureScaling.byEce().fit(trained.calibration(), Measurement.SETTINGS);
        return new SmoothingTrial(alpha, seed, trained.seconds(), Measurement.of(trained.test()),
                byNll.temperature(), ece(trained.test(), byNll), byEce.temperature(), ece(trained.test(), byEce),
                trained.fit().history(), trained.storedTest());
    }

    private static double ece(Predictions tested, TemperatureFit fit) {
        return CalibrationReport.of(tested.withTemperature(fit.temperature()), Measurement.SETTINGS)
                .value(Metric.ECE);
    }
}
