package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The debiased l2 calibration error, smooth ECE, the KS calibration error and positive-class ECE,
 * on cases worked by hand, and KS and smooth ECE against a numpy reference.
 */
class MetricDefinitionsTest {

    private static final double EXACT = 1e-12;

    /** Two-class probabilities [1 - c, c] labelled so that the arg max (class 1) is right or wrong. */
    private static Predictions topLabel(double[] confidence, boolean[] correct) {
        double[] rows = new double[2 * confidence.length];
        int[] labels = new int[confidence.length];
        for (int i = 0; i < confidence.length; i++) {
            rows[2 * i] = 1 - confidence[i];
            rows[2 * i + 1] = confidence[i];
            labels[i] = correct[i] ? 1 : 0;
        }
        return Predictions.fromProbabilities(rows, labels, 2);
    }

    private static double value(Predictions p, Metric metric, int bins) {
        return CalibrationReport.of(p, CalibrationSettings.defaults().withBins(bins).withMetrics(metric)).value(metric);
    }

    @Test
    void ksIsTheLargestGapOfTheCumulativeSums() {
        // sorted by confidence:  .6 right  .7 wrong  .8 right  .9 right
        // conf - acc:            -.4       .7        -.2       -.1
        // cumulative sums:       -.4       .3        .1        0      -> max |sum| / N = .4 / 4
        Predictions p = topLabel(new double[] {.8, .6, .9, .7}, new boolean[] {true, true, true, false});
        assertEquals(0.1, value(p, Metric.KS_CALIBRATION_ERROR, 15), EXACT);
    }

    @Test
    void ksLooksOnlyAtTheEndOfARunOfEqualConfidences() {
        // .6 right and .6 wrong: residuals -.4 and .6 in either order; only their sum .2 counts
        // (inside the run the partial sum would be -.4 or .6, depending on the order): .2 / 2
        Predictions p = topLabel(new double[] {.6, .6}, new boolean[] {false, true});
        assertEquals(0.1, value(p, Metric.KS_CALIBRATION_ERROR, 15), EXACT);
    }

    @Test
    void debiasedL2SubtractsEachBinsVarianceOfAccuracy() {
        // Two equal-mass bins of three:
        // bin 0: .6 wrong x3      acc 0,   conf .6, gap^2 .36,      variance 0 -> .36
        // bin 1: .9 right x2, .9 wrong  acc 2/3, conf .9, gap^2 (2/3 - .9)^2 = .0544...,
        //        variance (2/3)(1/3) / (3 - 1) = 1/9                       -> .0544... - .1111...
        // sum (1/2)(.36) + (1/2)(.054444 - .111111) = .1516666...; sqrt = .38944...
        Predictions p = topLabel(new double[] {.6, .6, .6, .9, .9, .9},
                new boolean[] {false, false, false, true, true, false});
        double bin1 = Math.pow(2.0 / 3 - .9, 2) - 1.0 / 9;
        assertEquals(Math.sqrt(.5 * .36 + .5 * bin1), value(p, Metric.DEBIASED_L2_CALIBRATION_ERROR, 2), EXACT);
        // the plug-in value over the same bins is larger: sqrt(.5 * .36 + .5 * .054444)
        CalibrationReport r = CalibrationReport.of(p, CalibrationSettings.defaults().withBins(2));
        assertEquals(Math.sqrt(.5 * .36 + .5 * Math.pow(2.0 / 3 - .9, 2)),
                Math.sqrt(.5 * Math.pow(r.equalMassBins().orElseThrow().bins().get(0).gap(), 2)
                        + .5 * Math.pow(r.equalMassBins().orElseThrow().bins().get(1).gap(), 2)), EXACT);
    }

    @Test
    void debiasedL2IsZeroWhenTheVarianceExceedsTheGapAndBinsOfOneAddNothing() {
        // one bin of .6 right, .7 wrong, .8 right, .9 right: acc .75 = conf .75, gap 0,
        // minus .75 * .25 / 3 < 0 -> 0
        Predictions p = topLabel(new double[] {.6, .7, .8, .9}, new boolean[] {true, false, true, true});
        assertEquals(0, value(p, Metric.DEBIASED_L2_CALIBRATION_ERROR, 1), EXACT);
        // four bins of one example each: every bin adds 0
        assertEquals(0, value(p, Metric.DEBIASED_L2_CALIBRATION_ERROR, 4), EXACT);
    }

    @Test
    void positiveClassAndTopLabelEceOfABinaryProblem() {
        // p_1 and y:  .2/0  .4/1  .7/1  .9/1; two bins [0, .5), [.5, 1]
        // positive class: bin 0 {.2, .4}: mean p .3, fraction y = 1 .5 -> |gap| .2, weight .5
        //                 bin 1 {.7, .9}: mean p .8, fraction 1         -> |gap| .2, weight .5 -> .2
        // top label: confidences .8 right, .6 wrong, .7 right, .9 right, all in bin 1:
        //            conf .75, accuracy .75 -> 0
        Predictions p = Predictions.binary(new double[] {.2, .4, .7, .9}, new int[] {0, 1, 1, 1});
        assertEquals(0.2, value(p, Metric.POSITIVE_CLASS_ECE, 2), EXACT);
        assertEquals(0, value(p, Metric.ECE, 2), EXACT);
        // with three classes it is undefined
        Predictions three = Predictions.fromProbabilities(new double[] {.5, .25, .25}, new int[] {0}, 3);
        assertTrue(Double.isNaN(value(three, Metric.POSITIVE_CLASS_ECE, 2)));
    }

    @Test
    void smoothEceOfOneConfidenceIsItsResidualTimesTheMeshFactor() {
        // 20 examples at confidence .55, 10 right: every residual conf - acc sits at .55 and
        // they average d = .05. Far from both ends (9 widths at s = .05) the reflection adds
        // nothing and the Gaussian's Riemann sum over the mesh is (M - 1) K-units, so
        // smECE_s = d (M - 1) / M for every s near the fixed point: the fixed point is that
        // value. The widths tried are 1, .5, ..., .03125 (smallest), so the mesh grows from
        // 200 to 800 (round(20 / .03125) = 640 > 200): smECE = .05 * 799 / 800.
        double[] c = new double[20];
        boolean[] right = new boolean[20];
        for (int i = 0; i < 20; i++) {
            c[i] = .55;
            right[i] = i % 2 == 0;
        }
        Predictions p = topLabel(c, right);
        assertEquals(.05 * 799 / 800, value(p, Metric.SMOOTH_ECE, 15), EXACT);
        long[] keys = new long[20];
        for (int i = 0; i < 20; i++) {
            keys[i] = EqualMassBins.key(.55, right[i]);
        }
        double width = SmoothEce.width(keys);
        assertTrue(width >= .05 * 799 / 800 && width < .05 * 799 / 800 + 1.0 / 1024, "width " + width);
    }

    @Test
    void smoothEceIsZeroWithoutResiduals() {
        // confidence 1, always right: every residual is 0
        Predictions p = topLabel(new double[] {1, 1, 1}, new boolean[] {true, true, true});
        assertEquals(0, value(p, Metric.SMOOTH_ECE, 15), EXACT);
    }

    /** Reference values from generate_metric_fixtures.py (Gupta et al.'s KS, relplot's smECE). */
    @Test
    void ksAndSmoothEceAgreeWithTheNumpyReference() throws IOException {
        List<String> rows = lines("metric_fixture.csv");
        int n = rows.size() - 1;
        double[] logits = new double[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i + 1).split(",");
            for (int k = 0; k < 4; k++) {
                logits[4 * i + k] = Double.parseDouble(f[k]);
            }
            labels[i] = (int) Double.parseDouble(f[4]);
        }
        Map<String, Double> reference = new HashMap<>();
        for (String row : lines("metric_reference.csv").subList(1, 4)) {
            reference.put(row.split(",")[0], Double.parseDouble(row.split(",")[1]));
        }
        CalibrationReport r = CalibrationReport.of(Predictions.fromLogits(logits, labels, 4));
        assertEquals(reference.get("ks_calibration_error"), r.value(Metric.KS_CALIBRATION_ERROR), EXACT);
        // scipy convolves by FFT: agreement to rounding, not to the last bit
        assertEquals(reference.get("smooth_ece"), r.value(Metric.SMOOTH_ECE), 1e-10);
    }

    @Test
    void theNewMetricsHaveBootstrapIntervals() {
        Predictions p = Synthetic.randomLogits(300, 3, new Random(5));
        CalibrationReport r = CalibrationReport.of(p, CalibrationSettings.defaults().withBootstrap(50, 3));
        for (Metric m : List.of(Metric.DEBIASED_L2_CALIBRATION_ERROR, Metric.SMOOTH_ECE, Metric.KS_CALIBRATION_ERROR)) {
            Interval i = r.interval(m).orElseThrow();
            assertTrue(i.lower() >= 0 && i.lower() < i.upper() && i.upper() < 1, m + " " + i);
        }
        // undefined for three classes, in every resample
        assertTrue(Double.isNaN(r.interval(Metric.POSITIVE_CLASS_ECE).orElseThrow().upper()));
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = MetricDefinitionsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
