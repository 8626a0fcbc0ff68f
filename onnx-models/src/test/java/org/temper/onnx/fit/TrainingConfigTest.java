package org.temper.onnx.fit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record checks every setting it is made with and names the wrong one. */
class TrainingConfigTest {

    private static final Objective OBJECTIVE = LabelSmoothing.hardTargets();
    private static final Optimizer SGD = Sgd.withMomentum(0.9);
    private static final LearningRateSchedule RATE = LearningRateSchedule.constant(0.05);

    private static TrainingConfig numbers(int epochs, int batch, int shift, int patience, int steps) {
        return new TrainingConfig(OBJECTIVE, SGD, RATE, null, epochs, batch, shift, patience, null,
                ExecutionSettings.DEFAULT, 1L, steps);
    }

    @Test
    void aWrongNumberIsRefusedByName() {
        refused(IllegalArgumentException.class, "Epochs must be positive, got 0", () -> numbers(0, 16, 0, 0, 0));
        refused(IllegalArgumentException.class, "Batch size must be positive, got -1", () -> numbers(1, -1, 0, 0, 0));
        refused(IllegalArgumentException.class, "Augmentation shift", () -> numbers(1, 16, -1, 0, 0));
        refused(IllegalArgumentException.class, "Early-stopping patience", () -> numbers(1, 16, 0, -2, 0));
        refused(IllegalArgumentException.class, "Steps per call", () -> numbers(1, 16, 0, 0, -3));
    }

    @Test
    void theObjectiveOptimizerScheduleAndExecutionMustBeGiven() {
        ExecutionSettings cpu = ExecutionSettings.DEFAULT;
        refused(NullPointerException.class, "objective",
                () -> new TrainingConfig(null, SGD, RATE, null, 1, 16, 0, 0, null, cpu, 1L, 0));
        refused(NullPointerException.class, "optimizer",
                () -> new TrainingConfig(OBJECTIVE, null, RATE, null, 1, 16, 0, 0, null, cpu, 1L, 0));
        refused(NullPointerException.class, "learningRate",
                () -> new TrainingConfig(OBJECTIVE, SGD, null, null, 1, 16, 0, 0, null, cpu, 1L, 0));
        refused(NullPointerException.class, "execution",
                () -> new TrainingConfig(OBJECTIVE, SGD, RATE, null, 1, 16, 0, 0, null, null, 1L, 0));
    }

    @Test
    void clippingAndTimeBudgetMayBeAbsentAndZeroMeansNone() {
        TrainingConfig c = numbers(1, 1, 0, 0, 0);
        assertNull(c.clipping());
        assertNull(c.timeBudget());
        assertEquals(0, c.augmentShift() + c.earlyStoppingPatience() + c.progressSteps());
        assertEquals(numbers(1, 1, 0, 0, 0), c);
    }

    private static void refused(Class<? extends RuntimeException> type, String message, Executable make) {
        RuntimeException e = assertThrows(type, make);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
