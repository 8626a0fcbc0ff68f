package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric against answers worked by hand, written out next to each assertion. */
class CalibrationReportTest {

    private static final double EXACT = 1e-12;

    /**
     * Four examples, three classes, dyadic probabilities so that the arithmetic is exact:
     * <pre>
     * row  p                     y  pred  conf   correct  bin of 5 ([b/5, (b+1)/5))
     * 0    .5     .25    .25     0  0     .5     yes      2
     * 1    .125   .75    .125    2  1     .75    no       3
     * 2    .0625  .0625  .875    2  2     .875   yes      4
     * 3    .25    .375   .375    2  1     .375   no       1   (tie of classes 1, 2: lowest wins)
     * </pre>
     */
    private static final double[] FOUR = {
        .5, .25, .25,
        .125, .75, .125,
        .0625, .0625, .875,
        .25, .375, .375};
    private static final int[] FOUR_LABELS = {0, 2, 2, 2};

    private static CalibrationReport four(int bins) {
        return CalibrationReport.of(Predictions.fromProbabilities(FOUR, FOUR_LABELS, 3),
                CalibrationSettings.defaults().withBins(bins));
    }

    @Test
    void equalWidthMetricsOfFourExamples() {
        CalibrationReport r = four(5);
        // Each example sits alone in its bin, so |gap| per bin = |correct - conf|:
        // bin 1: .375, bin 2: .5, bin 3: .75, bin 4: .125; bin 0 is empty.
        // ECE = (.375 + .5 + .75 + .125) / 4 = 1.75 / 4
        assertEquals(0.4375, r.value(Metric.ECE), EXACT);
        // MCE = max |gap| = .75
        assertEquals(0.75, r.value(Metric.MCE), EXACT);
        // RMS = sqrt((.375^2 + .5^2 + .75^2 + .125^2) / 4) = sqrt(.96875 / 4)
        assertEquals(Math.sqrt(0.2421875), r.value(Metric.RMS_CALIBRATION_ERROR), EXACT);
        // accuracy 2/4; mean confidence (.5 + .75 + .875 + .375) / 4 = 2.5 / 4
        assertEquals(0.5, r.value(Metric.ACCURACY), EXACT);
        assertEquals(0.625, r.value(Metric.MEAN_CONFIDENCE), EXACT);
    }

    @Test
    void brierAndNllOfFourExamples() {
        CalibrationReport r = four(15);
        // row 0: (.5-1)^2 + .25^2 + .25^2            = .375
        // row 1: .125^2 + .75^2 + (.125-1)^2         = 1.34375
        // row 2: .0625^2 + .0625^2 + (.875-1)^2      = .0234375
        // row 3: .25^2 + .375^2 + (.375-1)^2         = .59375
        // Brier = 2.3359375 / 4
        assertEquals(0.583984375, r.value(Metric.BRIER), EXACT);
        // NLL = -(ln .5 + ln .125 + ln .875 + ln .375) / 4
        double nll = -(Math.log(.5) + Math.log(.125) + Math.log(.875) + Math.log(.375)) / 4;
        assertEquals(nll, r.value(Metric.NLL), EXACT);
    }

    @Test
    void binTableOfFourExamples() {
        List<Bin> bins = four(5).equalWidthBins().bins();
        assertEquals(5, bins.size());
        assertTrue(bins.get(0).isEmpty());
        assertTrue(Double.isNaN(bins.get(0).meanConfidence()));
        // bin 3 = [.6, .8): row 1, conf .75, wrong: gap = 0 - .75
        Bin third = bins.get(3);
        assertEquals(0.6, third.lower(), EXACT);
        assertEquals(0.8, third.upper(), EXACT);
        assertEquals(1, third.count());
        assertEquals(0.75, third.meanConfidence(), EXACT);
        assertEquals(0.0, third.accuracy(), EXACT);
        assertEquals(-0.75, third.gap(), EXACT);
        assertEquals(4, four(5).equalWidthBins().total());
    }

    @Test
    void adaptiveEceOfFourExamplesInTwoEqualMassBins() {
        CalibrationReport r = four(2);
        // sorted by confidence: .375 (no), .5 (yes) | .75 (no), .875 (yes)
        // bin 0: conf (.375+.5)/2 = .4375, acc .5 -> |gap| .0625
        // bin 1: conf (.75+.875)/2 = .8125, acc .5 -> |gap| .3125
        // adaptive ECE = .5 * .0625 + .5 * .3125
        assertEquals(0.1875, r.value(Metric.ADAPTIVE_ECE), EXACT);
        BinTable table = r.equalMassBins().orElseThrow();
        assertEquals(0.375, table.bins().get(0).lower(), EXACT);
        assertEquals(0.5, table.bins().get(0).upper(), EXACT);
        assertEquals(0.75, table.bins().get(1).lower(), EXACT);
        assertEquals(0.875, table.bins().get(1).upper(), EXACT);
    }

    @Test
    void adaptiveEceWithMoreBinsThanExamplesLeavesBinsEmpty() {
        // N = 4, B = 5: rank r goes to bin floor(5r/4) = 0, 1, 2, 3; bin 4 is empty, so each
        // example is alone and adaptive ECE equals the equal-width ECE above.
        CalibrationReport r = four(5);
        assertEquals(0.4375, r.value(Metric.ADAPTIVE_ECE), EXACT);
        Bin last = r.equalMassBins().orElseThrow().bins().get(4);
        assertTrue(last.isEmpty());
        assertTrue(Double.isNaN(last.lower()));
    }

    @Test
    void classwiseEceOfFourExamples() {
        CalibrationReport r = four(5);
        // class 0: p = .5 .125 .0625 .25, y==0: 1 0 0 0
        //   bin 0 {.125, .0625}: mean .09375, freq 0; bin 1 {.25}: .25 vs 0; bin 2 {.5}: .5 vs 1
        //   ECE_0 = (2 * .09375 + .25 + .5) / 4 = .234375
        // class 1: p = .25 .75 .0625 .375, never the label: ECE_1 = mean p = 1.4375 / 4 = .359375
        // class 2: p = .25 .125 .875 .375, y==2: 0 1 1 1
        //   bin 0 {.125}: |1 - .125| = .875; bin 1 {.25, .375}: mean .3125, freq .5 -> .1875 twice;
        //   bin 4 {.875}: .125.  ECE_2 = (.875 + 2 * .1875 + .125) / 4 = .34375
        // classwise ECE = (.234375 + .359375 + .34375) / 3 = .9375 / 3
        assertEquals(0.3125, r.value(Metric.CLASSWISE_ECE), EXACT);
        assertEquals(3, r.classwiseBins().size());
        assertEquals(0.234375, r.classwiseBins().get(0).ece(), EXACT);
        assertEquals(0.34375, r.classwiseBins().get(2).ece(), EXACT);
        Bin classTwoBinOne = r.classwiseBins().get(2).bins().get(1);
        assertEquals(2, classTwoBinOne.count());
        assertEquals(0.3125, classTwoBinOne.meanConfidence(), EXACT);
        assertEquals(0.5, classTwoBinOne.accuracy(), EXACT);
    }

    /**
     * Two classes as logits: softmax([0, ln 3]) = [1/4, 3/4].
     * <pre>
     * row  logits     y  pred  conf  correct
     * 0    0, ln 3    1  1     3/4   yes
     * 1    ln 3, 0    1  0     3/4   no
     * 2    0, 0       0  0     1/2   yes (tie: lowest class)
     * </pre>
     */
    private static Predictions threeLogitRows() {
        double ln3 = Math.log(3);
        return Predictions.fromLogits(new double[] {0, ln3, ln3, 0, 0, 0}, new int[] {1, 1, 0}, 2);
    }

    @Test
    void metricsFromLogits() {
        CalibrationReport r = CalibrationReport.of(threeLogitRows(), CalibrationSettings.defaults().withBins(5));
        // bin 3 = [.6, .8): rows 0, 1: conf .75, acc .5, |gap| .25; bin 2: row 2, conf .5, acc 1, |gap| .5
        // ECE = (2 * .25 + .5) / 3 = 1/3; MCE = .5
        assertEquals(1.0 / 3, r.value(Metric.ECE), EXACT);
        assertEquals(0.5, r.value(Metric.MCE), EXACT);
        // Brier: row 0: 2 * (1/4)^2 = 1/8; row 1: 2 * (3/4)^2 = 9/8; row 2: 2 * (1/2)^2 = 1/2
        // mean = (1/8 + 9/8 + 4/8) / 3 = 7/12
        assertEquals(7.0 / 12, r.value(Metric.BRIER), EXACT);
        // NLL = (ln(4/3) + ln 4 + ln 2) / 3 = ln(32/3) / 3
        assertEquals(Math.log(32.0 / 3) / 3, r.value(Metric.NLL), EXACT);
        assertEquals(2.0 / 3, r.value(Metric.ACCURACY), EXACT);
        assertEquals(2.0 / 3, r.value(Metric.MEAN_CONFIDENCE), EXACT);
    }

    @Test
    void temperatureDividesLogits() {
        CalibrationReport r = CalibrationReport.of(threeLogitRows().withTemperature(2),
                CalibrationSettings.defaults().withBins(5));
        // logits / 2: [0, ln sqrt 3] -> p = [1, sqrt 3] / (1 + sqrt 3)
        // NLL = (ln((1 + s)/s) + ln(1 + s) + ln 2) / 3 with s = sqrt 3
        double s = Math.sqrt(3);
        assertEquals((Math.log((1 + s) / s) + Math.log(1 + s) + Math.log(2)) / 3, r.value(Metric.NLL), EXACT);
        assertEquals(2.0 / 3, r.value(Metric.ACCURACY), EXACT);
        // mean confidence = (2 s / (1 + s) + 1/2) / 3
        assertEquals((2 * s / (1 + s) + 0.5) / 3, r.value(Metric.MEAN_CONFIDENCE), EXACT);
    }

    @Test
    void binaryGivenAsOneProbabilityPerExample() {
        // p(class 1) = .875, .25, .625 with labels 1, 0, 0:
        // rows [.125 .875] y1 correct conf .875 (bin 4); [.75 .25] y0 correct conf .75 (bin 3);
        //      [.375 .625] y0 wrong conf .625 (bin 3)
        // ECE (5 bins) = (|1 - .875| + 2 * |.5 - .6875|) / 3 = (.125 + .375) / 3
        // Brier = (2 * .125^2 + 2 * .25^2 + 2 * .625^2) / 3 = .9375 / 3
        CalibrationReport r = CalibrationReport.of(Predictions.binary(new double[] {.875, .25, .625}, new int[] {1, 0, 0}),
                CalibrationSettings.defaults().withBins(5));
        assertEquals(0.5 / 3, r.value(Metric.ECE), EXACT);
        assertEquals(0.3125, r.value(Metric.BRIER), EXACT);
        assertEquals(2.0 / 3, r.value(Metric.ACCURACY), EXACT);
    }

    @Test
    void confidenceOfExactlyOneFallsInTheLastBin() {
        CalibrationReport r = CalibrationReport.of(
                Predictions.fromProbabilities(new double[] {1, 0, 0, 1}, new int[] {0, 0}, 2));
        // 15 bins: both confidences are 1.0 -> bin 14 = [14/15, 1]; accuracy 1/2, |gap| 1/2
        BinTable table = r.equalWidthBins();
        assertEquals(15, table.bins().size());
        assertEquals(2, table.bins().get(14).count());
        assertEquals(0.5, r.value(Metric.ECE), EXACT);
        // NLL: -(ln 1 + ln 0) / 2 = +infinity
        assertEquals(Double.POSITIVE_INFINITY, r.value(Metric.NLL));
    }

    @Test
    void confidenceOnABinEdgeOpensTheUpperBin() {
        // 4 bins: confidence .75 = edge 3/4 -> bin 3; confidence .5 = edge 2/4 -> bin 2
        CalibrationReport r = CalibrationReport.of(
                Predictions.fromProbabilities(new double[] {.25, .75, .5, .5}, new int[] {1, 1}, 2),
                CalibrationSettings.defaults().withBins(4));
        List<Bin> bins = r.equalWidthBins().bins();
        assertEquals(1, bins.get(3).count());
        assertEquals(1, bins.get(2).count());
        assertEquals(0, bins.get(1).count());
    }

    @Test
    void binEdgesAreTheDoublesBOverBForEveryBinCount() {
        for (int count = 1; count <= 40; count++) {
            double[] edges = BinSums.equalWidthEdges(count);
            for (int b = 0; b < count; b++) {
                double edge = (double) b / count;
                assertEquals(b, BinSums.equalWidthBin(edge, edges), "edge " + b + "/" + count);
                if (b > 0) {
                    assertEquals(b - 1, BinSums.equalWidthBin(Math.nextDown(edge), edges),
                            "just below " + b + "/" + count);
                }
            }
            assertEquals(count - 1, BinSums.equalWidthBin(1.0, edges));
        }
    }

    @Test
    void oneExample() {
        // p = [.25, .75], y = 1: ECE = MCE = |1 - .75|, Brier = 2 * .25^2, NLL = ln(4/3)
        CalibrationReport r = CalibrationReport.of(
                Predictions.fromProbabilities(new double[] {.25, .75}, new int[] {1}, 2));
        assertEquals(0.25, r.value(Metric.ECE), EXACT);
        assertEquals(0.25, r.value(Metric.MCE), EXACT);
        assertEquals(0.25, r.value(Metric.ADAPTIVE_ECE), EXACT);
        assertEquals(0.125, r.value(Metric.BRIER), EXACT);
        assertEquals(Math.log(4.0 / 3), r.value(Metric.NLL), EXACT);
    }

    @Test
    void allCorrectGivesOneMinusMeanConfidence() {
        // confidences .75 (bin 11 of 15) and .625 (bin 9 of 15), both correct:
        // ECE = ((1 - .75) + (1 - .625)) / 2 = .3125
        CalibrationReport r = CalibrationReport.of(
                Predictions.fromProbabilities(new double[] {.75, .25, .375, .625}, new int[] {0, 1}, 2));
        assertEquals(0.3125, r.value(Metric.ECE), EXACT);
        assertEquals(1.0, r.value(Metric.ACCURACY), EXACT);
        assertEquals(0.375, r.value(Metric.MCE), EXACT);
    }

    @Test
    void allWrongGivesMeanConfidence() {
        CalibrationReport r = CalibrationReport.of(
                Predictions.fromProbabilities(new double[] {.75, .25, .375, .625}, new int[] {1, 0}, 2));
        // ECE = (.75 + .625) / 2; Brier = (2 * .75^2 + 2 * .625^2) / 2 = .953125
        assertEquals(0.6875, r.value(Metric.ECE), EXACT);
        assertEquals(0.0, r.value(Metric.ACCURACY), EXACT);
        assertEquals(0.953125, r.value(Metric.BRIER), EXACT);
    }

    @Test
    void metricsLeftOutAreNotComputed() {
        CalibrationReport r = CalibrationReport.of(threeLogitRows(),
                CalibrationSettings.defaults().withMetrics(Metric.ECE, Metric.NLL));
        assertEquals(Math.log(32.0 / 3) / 3, r.value(Metric.NLL), EXACT);
        assertFalse(r.equalMassBins().isPresent());
        assertTrue(r.classwiseBins().isEmpty());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> r.value(Metric.BRIER));
        assertTrue(e.getMessage().contains("Brier score was not computed"), e.getMessage());
    }

    @Test
    void logitsOfLogProbabilitiesGiveTheSameMetrics() {
        CalibrationReport direct = four(5);
        CalibrationReport viaLog = CalibrationReport.of(
                Predictions.fromProbabilities(FOUR, FOUR_LABELS, 3).logitsFromLogProbabilities(),
                CalibrationSettings.defaults().withBins(5));
        for (Metric m : Metric.values()) {
            assertEquals(direct.value(m), viaLog.value(m), EXACT, m.label());
        }
    }
}
