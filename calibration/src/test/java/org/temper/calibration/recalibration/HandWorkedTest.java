package org.temper.calibration.recalibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.temperature.TemperatureScaling;

/** Small cases worked out by hand in the comments. */
class HandWorkedTest {

    private static final double EXACT = 1e-12;

    /** Rows [1 - p, p] for the given p_1, labels all 0 (they are not used when applying). */
    private static double[] positives(CalibrationMap map, double... p1) {
        double[] rows = map.probabilities(Predictions.binary(p1, new int[p1.length]));
        double[] out = new double[p1.length];
        for (int i = 0; i < p1.length; i++) {
            assertEquals(1, rows[2 * i] + rows[2 * i + 1], EXACT);
            out[i] = rows[2 * i + 1];
        }
        return out;
    }

    @Test
    void isotonicPoolsTiesAndViolatorsAndInterpolates() {
        // p_1 = .1 .2 .2 .4 .6 with labels 0 1 0 0 1. The tie at .2 becomes one point of mean
        // 1/2 and weight 2; .4 (mean 0) violates it, so they pool to 1/3 over weight 3:
        // fitted points (.1, 0), (.2, 1/3), (.4, 1/3), (.6, 1). Then .05 clips to 0, .15 is half
        // way to 1/3, .3 is 1/3, .5 half way from 1/3 to 1 = 2/3, .9 clips to 1.
        Predictions heldOut = Predictions.binary(new double[] {.1, .2, .2, .4, .6}, new int[] {0, 1, 0, 0, 1});
        CalibrationMap map = IsotonicCalibration.create().fit(heldOut);
        assertArrayEquals(new double[] {0, 1.0 / 6, 1.0 / 3, 2.0 / 3, 1},
                positives(map, .05, .15, .3, .5, .9), EXACT);
        assertEquals(List.of(.1, .2, .4, .6), map.parameters().get("class 1 x"));
    }

    @Test
    void isotonicKeepsOnlyTheEndsOfEachRunOfEqualValues() {
        // p_1 = .1 .2 .3 .4 .5 .6 with labels 0 0 0 1 1 1: no violator, fitted values 0 0 0 1 1 1. The
        // inner points .2 and .5 add nothing to the interpolation and are dropped (as scikit-learn
        // does): kept (.1, 0), (.3, 0), (.4, 1), (.6, 1); .2 maps to 0, .35 half way to 1/2, .5 to 1.
        Predictions heldOut = Predictions.binary(new double[] {.1, .2, .3, .4, .5, .6}, new int[] {0, 0, 0, 1, 1, 1});
        CalibrationMap map = IsotonicCalibration.create().fit(heldOut);
        assertEquals(List.of(.1, .3, .4, .6), map.parameters().get("class 1 x"));
        assertArrayEquals(new double[] {0, 0, .5, 1, 1}, positives(map, .05, .2, .35, .5, .9), 1e-12);
    }

    @Test
    void equalWidthBinsMapToTheirMeanLabelAndEmptyBinsToTheirMidpoint() {
        // p_1 = .1 .3 .6 .8 1.0, labels 0 1 1 1 0, B = 5: [0, .2) {.1} -> 0; [.2, .4) {.3} -> 1;
        // [.4, .6) empty -> .5; [.6, .8) {.6} -> 1 (an edge opens the upper bin); [.8, 1] {.8, 1.0} -> 1/2.
        Predictions heldOut = Predictions.binary(new double[] {.1, .3, .6, .8, 1.0}, new int[] {0, 1, 1, 1, 0});
        CalibrationMap map = HistogramBinning.equalWidth(5).fit(heldOut);
        assertArrayEquals(new double[] {0, 1, .5, .5, 1, .5, .5},
                positives(map, 0, .2, .4, .5999, .6, .8, 1), EXACT);
    }

    @Test
    void equalMassEdgesAreHeldOutValuesAtRanksCeilBNOverB() {
        // The same five, B = 2: e_1 = the value of rank ceil(5/2) = 3, .8. [0, .8) {.1, .3, .6}
        // -> 2/3; [.8, 1] {.8, 1.0} -> 1/2.
        Predictions heldOut = Predictions.binary(new double[] {.1, .3, .6, .8, 1.0}, new int[] {0, 1, 1, 1, 0});
        CalibrationMap map = HistogramBinning.equalMass(2).fit(heldOut);
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, .5}, positives(map, 0, .79, .8), EXACT);
        // Ties share a bin: .2 .5 .5 .5, labels 0 1 0 1, B = 3: e_1 = rank ceil(4/3) = 2 -> .5,
        // e_2 = rank ceil(8/3) = 3 -> .5. Bin 0 {.2} -> 0; bin 1, [.5, .5), is empty -> .5;
        // bin 2 {.5, .5, .5} -> 2/3.
        Predictions tied = Predictions.binary(new double[] {.2, .5, .5, .5}, new int[] {0, 1, 0, 1});
        CalibrationMap bins = HistogramBinning.equalMass(3).fit(tied);
        assertEquals(List.of(0.0, .5, .5, 1.0), bins.parameters().get("class 1 edges"));
        assertEquals(List.of(0.0, .5, 2.0 / 3), bins.parameters().get("class 1 values"));
    }

    @Test
    void oneVsRestRenormalisesAndAZeroRowBecomesUniform() {
        // One bin per class: each class maps to its frequency, .5 .25 .25, which already sum to 1.
        double[] rows = {.8, .1, .1, .1, .8, .1, .1, .1, .8, .6, .2, .2};
        Predictions heldOut = Predictions.fromProbabilities(rows, new int[] {0, 0, 1, 2}, 3);
        CalibrationMap one = HistogramBinning.equalWidth(1).fit(heldOut);
        assertArrayEquals(new double[] {.5, .25, .25}, one.calibrateProbabilities(new double[] {.2, .3, .5}), EXACT);
        // Two bins, the first three rows, each labelled with its largest class: class k's bin
        // [.5, 1] holds its one positive (-> 1), [0, .5) two negatives (-> 0). [.8 .1 .1] gives
        // 1 0 0; [.4 .3 .3] gives 0 0 0, so uniform; [.5 .5 0] gives 1 1 0, halved.
        Predictions three = Predictions.fromProbabilities(java.util.Arrays.copyOf(rows, 9), new int[] {0, 1, 2}, 3);
        CalibrationMap two = HistogramBinning.equalWidth(2).fit(three);
        assertArrayEquals(new double[] {1, 0, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, .5, .5, 0},
                two.calibrateProbabilities(new double[] {.8, .1, .1, .4, .3, .3, .5, .5, 0}), EXACT);
    }

    @Test
    void plattFitsTwoGroupsExactly() {
        // Log-odds s = -1 -1 1 1, labels 0 1 1 1: N+ = 3, N- = 1, so y+ = 4/5 and y- = 1/3.
        // Two distinct scores, two parameters: the optimum matches each group's mean target,
        // sigmoid(-a + b) = (1/3 + 4/5) / 2 = 17/30 and sigmoid(a + b) = 4/5, so with
        // logit(17/30) = ln(17/13) and logit(4/5) = ln 4: a = (ln 4 - ln(17/13)) / 2,
        // b = (ln 4 + ln(17/13)) / 2.
        double[] logits = {0, -1, 0, -1, 0, 1, 0, 1};
        Predictions heldOut = Predictions.fromLogits(logits, new int[] {0, 1, 1, 1}, 2);
        CalibrationMap map = PlattScaling.binary().fit(heldOut);
        double a = (Math.log(4) - Math.log(17.0 / 13)) / 2;
        double b = (Math.log(4) + Math.log(17.0 / 13)) / 2;
        assertEquals(a, map.parameters().get("class 1 a").get(0), 1e-10);
        assertEquals(b, map.parameters().get("class 1 b").get(0), 1e-10);
        assertArrayEquals(new double[] {13.0 / 30, 17.0 / 30, 1.0 / 5, 4.0 / 5},
                map.calibrateLogits(new double[] {0, -1, 0, 1}), 1e-10);
        // the same log-odds given as probabilities: log(p_1 / p_0) = s
        double e = Math.exp(1);
        double[] probabilities = {e / (1 + e), 1 / (1 + e), e / (1 + e), 1 / (1 + e),
            1 / (1 + e), e / (1 + e), 1 / (1 + e), e / (1 + e)};
        CalibrationMap fromP = PlattScaling.oneVsRest().fit(
                Predictions.fromProbabilities(probabilities, new int[] {0, 1, 1, 1}, 2));
        assertEquals(a, fromP.parameters().get("class 1 a").get(0), 1e-10);
        assertTrue(fromP.describe().startsWith("Platt scaling (one-vs-rest) (2 classes): class 1 a = "));
    }

    @Test
    void temperatureThroughTheAdapter() {
        // Four examples with logits [0, 2], three labelled 1: T = 2 / ln 3 and p_1 = 3/4
        // (TemperatureScalingTest).
        double[] logits = {0, 2, 0, 2, 0, 2, 0, 2};
        Predictions heldOut = Predictions.fromLogits(logits, new int[] {1, 1, 1, 0}, 2);
        TemperatureCalibrator.Fitted map = TemperatureCalibrator.byNll().fit(heldOut);
        assertEquals(2 / Math.log(3), map.parameters().get("T").get(0), 1e-9);
        assertArrayEquals(new double[] {.25, .75}, map.calibrateLogits(new double[] {0, 2}), 1e-9);
        Predictions applied = map.apply(heldOut);
        assertEquals(map.fit().after().value(Metric.NLL),
                CalibrationReport.of(applied, CalibrationSettings.defaults()).value(Metric.NLL), 1e-12);
        assertEquals(2 / Math.log(3), TemperatureCalibrator.of(TemperatureScaling.byNll(),
                CalibrationSettings.defaults()).fit(heldOut).fit().temperature(), 1e-9);
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        Predictions oneClass = Predictions.binary(new double[] {.2, .7, .9}, new int[] {1, 1, 1});
        for (Calibrator c : List.of(PlattScaling.binary(), IsotonicCalibration.create(),
                HistogramBinning.equalWidth(5), TemperatureCalibrator.byNll())) {
            String message = assertThrows(IllegalArgumentException.class, () -> c.fit(oneClass)).getMessage();
            assertTrue(message.contains("at least two classes") && message.contains("labelled 1"), message);
        }
        Predictions single = Predictions.binary(new double[] {.2}, new int[] {1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IsotonicCalibration.create().fit(single))
                .getMessage().contains("needs at least 2 held-out examples, got 1"));
        Predictions four = Predictions.binary(new double[] {.2, .4, .6, .8}, new int[] {0, 1, 0, 1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistogramBinning.equalMass(5).fit(four))
                .getMessage().contains("needs at least 5 held-out examples, got 4"));

        Predictions threeClasses = Predictions.fromLogits(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                new int[] {0, 1, 2}, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlattScaling.binary().fit(threeClasses))
                .getMessage().contains("is for two classes, but the held-out predictions have 3: use "
                        + "PlattScaling.oneVsRest()"));
        CalibrationMap binaryMap = IsotonicCalibration.create().fit(four);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> binaryMap.probabilities(threeClasses))
                .getMessage().contains("fitted on 2 classes but is given predictions of 3"));

        Predictions certain = Predictions.binary(new double[] {0, .4, .6, 1}, new int[] {0, 1, 0, 1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlattScaling.binary().fit(certain))
                .getMessage().contains("needs finite log-odds, but example 0 has log-odds -Infinity"));
        Predictions flat = Predictions.fromLogits(new double[] {0, 1, 0, 1}, new int[] {0, 1}, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlattScaling.binary().fit(flat))
                .getMessage().contains("every held-out log-odds of class 1 is 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureCalibrator.byNll().fit(four))
                .getMessage().contains("needs logits"));
    }
}
