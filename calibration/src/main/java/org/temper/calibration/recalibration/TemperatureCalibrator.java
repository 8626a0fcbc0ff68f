package org.temper.calibration.recalibration;

import java.util.List;
import java.util.Map;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Predictions;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;

/**
 * Temperature scaling as a {@link Calibrator}: fits T with a {@link TemperatureScaling} and maps
 * logits z to softmax(z / T). It needs logits, when fitting and when applying; its definition
 * and stopping rule are {@link TemperatureScaling}'s.
 */
public final class TemperatureCalibrator implements Calibrator {

    private final TemperatureScaling scaling;
    private final CalibrationSettings settings;

    private TemperatureCalibrator(TemperatureScaling scaling, CalibrationSettings settings) {
        this.scaling = scaling;
        this.settings = settings;
    }

    /**
     * @param scaling how T is fitted ({@link TemperatureScaling#byNll()} or {@code byEce()})
     * @param settings the settings of the fit (the bins of the ECE objective, and of the reports
     *                 in {@link Fitted#fit()})
     * @return the calibrator
     */
    public static TemperatureCalibrator of(TemperatureScaling scaling, CalibrationSettings settings) {
        return new TemperatureCalibrator(scaling, settings);
    }

    /** @return temperature scaling by NLL, with default settings */
    public static TemperatureCalibrator byNll() {
        return of(TemperatureScaling.byNll(), CalibrationSettings.defaults());
    }

    @Override
    public String name() {
        return "temperature scaling";
    }

    /** {@inheritDoc} Needs at least 2 examples, of at least two classes, as logits. */
    @Override
    public Fitted fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        return new Fitted(heldOut.classes(), scaling.fit(heldOut, settings));
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, 2);
    }

    /**
     * A fitted temperature as a {@link CalibrationMap}.
     *
     * @param classes K
     * @param fit the temperature fit, with the held-out reports before and after
     */
    public record Fitted(int classes, TemperatureFit fit) implements CalibrationMap {

        @Override
        public double[] probabilities(Predictions predictions) {
            Checks.classes(classes, predictions);
            Predictions scaled = predictions.withTemperature(fit.temperature());
            double[] out = new double[predictions.size() * classes];
            double[] row = new double[classes];
            for (int i = 0; i < predictions.size(); i++) {
                scaled.probabilities(i, row);
                System.arraycopy(row, 0, out, i * classes, classes);
            }
            return out;
        }

        @Override
        public String describe() {
            return "temperature scaling by " + fit.objective() + " (" + classes + " classes): T = "
                    + fit.temperature();
        }

        @Override
        public Map<String, List<Double>> parameters() {
            return Map.of("T", List.of(fit.temperature()));
        }
    }
}
