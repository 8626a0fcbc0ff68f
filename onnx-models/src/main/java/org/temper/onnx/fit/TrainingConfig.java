package org.temper.onnx.fit;

import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.runtime.ExecutionSettings;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that controls a training run besides the network and the data, as the fit loop sees
 * it. Every setting is given; the defaults of a run live in {@code org.temper.onnx.recipe.Recipe},
 * whose {@code Training} builds this record.
 * @param objective the loss on the logits
 * @param optimizer the update rule
 * @param learningRate the base learning rate of each step
 * @param clipping global-norm gradient clipping, or null for none
 * @param epochs passes over the training data
 * @param batchSize examples per step
 * @param augmentShift largest random image shift in pixels per epoch, 0 for none
 * @param earlyStoppingPatience epochs without a better validation accuracy before stopping, 0 for never
 * @param timeBudget wall-clock limit, or null for none
 * @param execution device and threads
 * @param seed seed of batch order, augmentation and dropout
 * @param progressSteps steps per ONNX Runtime call (progress and stop requests are seen between calls), 0 for automatic
 */
public record TrainingConfig(Objective objective, Optimizer optimizer, LearningRateSchedule learningRate,
                             GlobalNormClipping clipping, int epochs,
                             int batchSize, int augmentShift, int earlyStoppingPatience, Duration timeBudget,
                             ExecutionSettings execution, long seed, int progressSteps) {

    /**
     * Checks every setting and names the one that is wrong.
     * @param objective the loss on the logits
     * @param optimizer the update rule
     * @param learningRate the base learning rate of each step
     * @param clipping global-norm gradient clipping, or null for none
     * @param epochs passes over the training data
     * @param batchSize examples per step
     * @param augmentShift largest random image shift in pixels per epoch, 0 for none
     * @param earlyStoppingPatience epochs without a better validation accuracy before stopping, 0 for never
     * @param timeBudget wall-clock limit, or null for none
     * @param execution device and threads
     * @param seed seed of batch order, augmentation and dropout
     * @param progressSteps steps per ONNX Runtime call (progress and stop requests are seen between calls), 0 for automatic
     */
    public TrainingConfig {
        Objects.requireNonNull(objective, "objective must be given");
        Objects.requireNonNull(optimizer, "optimizer must be given");
        Objects.requireNonNull(learningRate, "learningRate must be given");
        Objects.requireNonNull(execution, "execution must be given");
        if (epochs <= 0) {
            throw new IllegalArgumentException("Epochs must be positive, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        if (augmentShift < 0) {
            throw new IllegalArgumentException("Augmentation shift must be >= 0 pixels, got " + augmentShift);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("Early-stopping patience must be >= 0 epochs, got " + earlyStoppingPatience);
        }
        if (progressSteps < 0) {
            throw new IllegalArgumentException("Steps per call must be >= 0, got " + progressSteps);
        }
    }
}
