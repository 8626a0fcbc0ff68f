package org.temper.calibration.temperature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;

class TemperatureScalingTest {

    /** Logits of K classes whose labels are drawn from softmax(z / trueTemperature). */
    private static Predictions generatedAt(double trueTemperature, int n, int classes, long seed) {
        Random random = new Random(seed);
        double[] logits = new double[n * classes];
        int[] labels = new int[n];
        double[] p = new double[classes];
        for (int i = 0; i < n; i++) {
            int favourite = random.nextInt(classes);
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double z = 1.5 * random.nextGaussian() + (k == favourite ? 3 : 0);
                logits[i * classes + k] = z;
                p[k] = Math.exp(z / trueTemperature);
                sum += p[k];
            }
            double u = random.nextDouble() * sum;
            int y = 0;
            while (y < classes - 1 && (u -= p[y]) > 0) {
                y++;
            }
            labels[i] = y;
        }
        return Predictions.fromLogits(logits, labels, classes);
    }

    @Test
    void nllFitOfAHandWorkedCase() {
        // Four examples with logits [0, 2], three labelled 1: p_1 = sigmoid(2 s). NLL is least
        // where sigmoid(2 s) = 3/4, so 2 s = ln 3 and T = 1/s = 2 / ln 3.
        double[] logits = {0, 2, 0, 2, 0, 2, 0, 2};
        Predictions p = Predictions.fromLogits(logits, new int[] {1, 1, 1, 0}, 2);
        TemperatureFit fit = TemperatureScaling.byNll().fit(p, CalibrationSettings.defaults());
        assertEquals(2 / Math.log(3), fit.temperature(), 1e-9);
        assertEquals(TemperatureScaling.Objective.NLL, fit.objective());
        // after: p = 3/4 for class 1; NLL = -(3 ln 3/4 + ln 1/4) / 4
        assertEquals(-(3 * Math.log(.75) + Math.log(.25)) / 4, fit.after().value(Metric.NLL), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 2.5})
    void nllFitRecoversTheTemperatureTheLabelsWereDrawnAt(double trueTemperature) {
        Predictions p = generatedAt(trueTemperature, 20_000, 5, 17);
        double fitted = TemperatureScaling.byNll().fit(p, CalibrationSettings.defaults()).temperature();
        assertEquals(trueTemperature, fitted, 0.05 * trueTemperature);
    }

    @Test
    void nllFitIsTheMinimumOfNll() {
        Predictions p = generatedAt(1.7, 5000, 4, 3);
        CalibrationSettings nll = CalibrationSettings.defaults().withMetrics(Metric.NLL);
        TemperatureFit fit = TemperatureScaling.byNll().fit(p, CalibrationSettings.defaults());
        double t = fit.temperature();
        double best = CalibrationReport.of(p.withTemperature(t), nll).value(Metric.NLL);
        assertTrue(best < CalibrationReport.of(p.withTemperature(t * 1.001), nll).value(Metric.NLL));
        assertTrue(best < CalibrationReport.of(p.withTemperature(t / 1.001), nll).value(Metric.NLL));
        assertTrue(fit.after().value(Metric.NLL) <= fit.before().value(Metric.NLL));
        assertEquals(best, fit.after().value(Metric.NLL), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NLL", "ECE"})
    void accuracyIsUnchanged(TemperatureScaling.Objective objective) {
        Predictions p = generatedAt(0.6, 3000, 6, 5);
        TemperatureScaling scaling = objective == TemperatureScaling.Objective.NLL
                ? TemperatureScaling.byNll() : TemperatureScaling.byEce();
        TemperatureFit fit = scaling.fit(p, CalibrationSettings.defaults());
        assertTrue(Math.abs(fit.temperature() - 1) > 0.1, "T = " + fit.temperature());
        assertEquals(fit.before().value(Metric.ACCURACY), fit.after().value(Metric.ACCURACY), 0.0);
        assertTrue(fit.after().value(Metric.ECE) < fit.before().value(Metric.ECE));
    }

    @Test
    void eceFitPicksTheGridPointOfLeastEce() {
        Predictions p = generatedAt(2.0, 4000, 3, 9);
        CalibrationSettings settings = CalibrationSettings.defaults().withBins(10);
        TemperatureFit fit = TemperatureScaling.byEce(0.5, 4.0, 0.25).fit(p, settings);
        double best = fit.after().value(Metric.ECE);
        for (int j = 0; j <= 14; j++) {
            double t = 0.5 + 0.25 * j;
            double ece = CalibrationReport.of(p.withTemperature(t), settings).value(Metric.ECE);
            assertTrue(best <= ece, "T " + t + ": " + ece + " < " + best);
        }
        assertEquals(2.0, fit.temperature(), 0.25);
        assertEquals(0, (fit.temperature() - 0.5) / 0.25 % 1, 1e-9, "on the grid");
    }

    @Test
    void probabilitiesAreRefusedUnlessTheirLogarithmIsTaken() {
        Predictions logits = generatedAt(1.5, 2000, 3, 21);
        double[] probabilities = new double[2000 * 3];
        int[] labels = new int[2000];
        double[] row = new double[3];
        for (int i = 0; i < 2000; i++) {
            logits.probabilities(i, row);
            System.arraycopy(row, 0, probabilities, 3 * i, 3);
            labels[i] = logits.label(i);
        }
        Predictions asProbabilities = Predictions.fromProbabilities(probabilities, labels, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.byNll().fit(asProbabilities, CalibrationSettings.defaults()));
        assertTrue(e.getMessage().contains("needs logits"), e.getMessage());
        // log p = z - logsumexp(z): the same logits up to a per-row shift, so the same T.
        double fromLogits = TemperatureScaling.byNll().fit(logits, CalibrationSettings.defaults()).temperature();
        double fromLog = TemperatureScaling.byNll()
                .fit(asProbabilities.logitsFromLogProbabilities(), CalibrationSettings.defaults()).temperature();
        assertEquals(fromLogits, fromLog, 1e-8);
    }

    @Test
    void uninformativeLogitsHaveNoFiniteTemperature() {
        // Identical logits for both labels: NLL is least at s = 0 (T infinite).
        Predictions p = Predictions.fromLogits(new double[] {0, 1, 0, 1}, new int[] {0, 1}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.byNll().fit(p, CalibrationSettings.defaults()));
        assertTrue(e.getMessage().contains("best temperature is infinite"), e.getMessage());
    }

    @Test
    void separatedLogitsHaveNoPositiveTemperature() {
        Predictions p = Predictions.fromLogits(new double[] {0, 1, 1, 0}, new int[] {1, 0}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.byNll().fit(p, CalibrationSettings.defaults()));
        assertTrue(e.getMessage().contains("separate the classes perfectly"), e.getMessage());
    }

    @Test
    void gridMustBeValid() {
        assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.byEce(0, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> TemperatureScaling.byEce(1, 0.5, 0.1));
    }
}
