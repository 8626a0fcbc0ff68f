package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties every metric must have, on seeded random data. */
class PropertyTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void metricsDoNotDependOnExampleOrder(int seed) {
        Random random = new Random(seed);
        int n = 400;
        int classes = 4;
        Predictions p = Synthetic.randomLogits(n, classes, random);
        double[] logits = new double[n * classes];
        int[] labels = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] row = new double[classes];
        for (int i = 0; i < n; i++) {
            p.logits(order[i], row);
            System.arraycopy(row, 0, logits, i * classes, classes);
            labels[i] = p.label(order[i]);
        }
        CalibrationSettings settings = CalibrationSettings.defaults().withBins(7);
        CalibrationReport a = CalibrationReport.of(p, settings);
        CalibrationReport b = CalibrationReport.of(Predictions.fromLogits(logits, labels, classes), settings);
        for (Metric m : Metric.values()) {
            assertEquals(a.value(m), b.value(m), 1e-12, m.label());
        }
        assertEquals(a.equalMassBins(), b.equalMassBins());
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void adaptiveEceDoesNotDependOnTheOrderOfTiedConfidences(int seed) {
        // Many examples share each confidence, with mixed correctness, so ties cross bin edges.
        Random random = new Random(seed);
        int n = 301;
        double[] positive = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            positive[i] = 0.5 + 0.125 * random.nextInt(4);
            labels[i] = random.nextInt(2);
        }
        double[] reversedPositive = new double[n];
        int[] reversedLabels = new int[n];
        for (int i = 0; i < n; i++) {
            reversedPositive[i] = positive[n - 1 - i];
            reversedLabels[i] = labels[n - 1 - i];
        }
        CalibrationSettings settings = CalibrationSettings.defaults().withBins(10);
        assertEquals(CalibrationReport.of(Predictions.binary(positive, labels), settings).equalMassBins(),
                CalibrationReport.of(Predictions.binary(reversedPositive, reversedLabels), settings).equalMassBins());
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 7, 8})
    void eceOfACalibratedModelShrinksWithMoreExamples(int seed) {
        Random random = new Random(seed);
        CalibrationSettings settings = CalibrationSettings.defaults().withMetrics(Metric.ECE, Metric.ADAPTIVE_ECE);
        double small = CalibrationReport.of(Synthetic.calibratedBinary(500, random), settings).value(Metric.ECE);
        double medium = CalibrationReport.of(Synthetic.calibratedBinary(20_000, random), settings).value(Metric.ECE);
        CalibrationReport large = CalibrationReport.of(Synthetic.calibratedBinary(500_000, random), settings);
        // The sampling error of ECE falls like 1/sqrt(N): 40x more examples, about 6x less ECE.
        assertTrue(medium < small / 2, small + " -> " + medium);
        assertTrue(large.value(Metric.ECE) < medium / 2, medium + " -> " + large.value(Metric.ECE));
        assertTrue(large.value(Metric.ECE) < 0.005, "ECE " + large.value(Metric.ECE));
        assertTrue(large.value(Metric.ADAPTIVE_ECE) < 0.005, "adaptive ECE " + large.value(Metric.ADAPTIVE_ECE));
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 10})
    void boundsHold(int seed) {
        CalibrationReport r = CalibrationReport.of(Synthetic.randomLogits(300, 5, new Random(seed)));
        // MCE bounds ECE and RMS from above, RMS bounds ECE (Jensen); Brier lies in [0, 2].
        assertTrue(r.value(Metric.ECE) <= r.value(Metric.RMS_CALIBRATION_ERROR) + 1e-15);
        assertTrue(r.value(Metric.RMS_CALIBRATION_ERROR) <= r.value(Metric.MCE) + 1e-15);
        assertTrue(r.value(Metric.BRIER) >= 0 && r.value(Metric.BRIER) <= 2);
        // ECE is |accuracy - mean confidence| when there is one bin.
        CalibrationReport one = CalibrationReport.of(Synthetic.randomLogits(300, 5, new Random(seed)),
                CalibrationSettings.defaults().withBins(1));
        assertEquals(Math.abs(one.value(Metric.ACCURACY) - one.value(Metric.MEAN_CONFIDENCE)),
                one.value(Metric.ECE), 1e-12);
    }
}
