package org.temper.onnx.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schedules by value: 10 steps per epoch, 4 epochs, 40 steps in all. */
class LearningRateScheduleTest {

    @Test
    void constantRate() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.1);
        assertEquals(0.1, s.rate(0, 10, 4), 0);
        assertEquals(0.1, s.rate(39, 10, 4), 0);
    }

    @Test
    void stepDecayMultipliesByGammaEveryNEpochs() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(1, 2, 0.1);
        assertEquals(1, s.rate(0, 10, 4), 0);
        assertEquals(1, s.rate(19, 10, 4), 0);
        assertEquals(0.1, s.rate(20, 10, 4), 1e-15);
        assertEquals(0.1, s.rate(39, 10, 4), 1e-15);
        assertEquals(0.01, s.rate(40, 10, 4), 1e-15);
    }

    @Test
    void linearDecayPerEpochIsTheReplicationsRule() {
        // lr (1 - epoch / epochs): epochs 0..3 give 1, 0.75, 0.5, 0.25
        LearningRateSchedule s = LearningRateSchedule.linearDecay(1, Stepping.PER_EPOCH);
        assertEquals(1, s.rate(0, 10, 4), 0);
        assertEquals(1, s.rate(9, 10, 4), 0);
        assertEquals(0.75, s.rate(10, 10, 4), 1e-15);
        assertEquals(0.25, s.rate(39, 10, 4), 1e-15);
        assertEquals(0, s.rate(40, 10, 4), 0);
    }

    @Test
    void linearDecayPerStepFallsAtEveryStep() {
        // lr (1 - step / 40)
        LearningRateSchedule s = LearningRateSchedule.linearDecay(0.2, Stepping.PER_STEP);
        assertEquals(0.2, s.rate(0, 10, 4), 0);
        assertEquals(0.2 * 31 / 40, s.rate(9, 10, 4), 1e-15);
        assertEquals(0.2 / 40, s.rate(39, 10, 4), 1e-15);
        assertEquals(0, s.rate(50, 10, 4), 0);
    }

    @Test
    void cosineDecayFromInitialToFloor() {
        // floor + (initial - floor) (1 + cos(pi progress)) / 2 with initial 1, floor 0.1
        LearningRateSchedule perStep = LearningRateSchedule.cosine(1, 0.1, Stepping.PER_STEP);
        assertEquals(1, perStep.rate(0, 10, 4), 0);
        assertEquals(0.55, perStep.rate(20, 10, 4), 1e-15);
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI * 10 / 40)) / 2, perStep.rate(10, 10, 4), 1e-15);
        LearningRateSchedule perEpoch = LearningRateSchedule.cosine(1, 0.1, Stepping.PER_EPOCH);
        assertEquals(0.55, perEpoch.rate(29, 10, 4), 1e-15);
        assertEquals(0.1, perEpoch.rate(40, 10, 4), 1e-15);
    }

    @Test
    void badSettingsAreErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1))
                .getMessage().contains("learning rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1, 0, 0.5))
                .getMessage().contains("everyEpochs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(1, 2, 0))
                .getMessage().contains("gamma"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.cosine(1, 2, Stepping.PER_STEP)).getMessage().contains("floor"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.constant(1).rate(-1, 10, 4)).getMessage().contains("step >= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.linearDecay(1, Stepping.PER_EPOCH).rate(0, 10, 0))
                .getMessage().contains("epochs"));
    }
}
