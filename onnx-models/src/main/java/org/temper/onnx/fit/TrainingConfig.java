package org.temper.onnx.fit;

import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;

import java.time.Duration;

/**
 * Everything that controls a training run besides the network and the data. Immutable; change
 * settings with the {@code with...} methods.
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

    /** Checks every setting and names the one that is wrong. */
    public TrainingConfig {
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

    /**
     * @return hard-target cross-entropy, SGD with momentum 0.9 at a constant learning rate of 0.05,
     *         10 epochs of batch 128 on the CPU, seed 1
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9), LearningRateSchedule.constant(0.05), null, 10,
                128, 0, 0, null, ExecutionSettings.DEFAULT, 1L, 0);
    }

    /** @param o the objective @return a copy with it */
    public TrainingConfig withObjective(Objective o) {
        return new TrainingConfig(o, optimizer, learningRate, clipping, epochs, batchSize, augmentShift, earlyStoppingPatience,
                timeBudget, execution, seed, progressSteps);
    }

    /** @param o the optimizer @return a copy with it */
    public TrainingConfig withOptimizer(Optimizer o) {
        return new TrainingConfig(objective, o, learningRate, clipping, epochs, batchSize, augmentShift, earlyStoppingPatience,
                timeBudget, execution, seed, progressSteps);
    }

    /** @param r the learning rate schedule @return a copy with it */
    public TrainingConfig withLearningRate(LearningRateSchedule r) {
        return new TrainingConfig(objective, optimizer, r, clipping, epochs, batchSize, augmentShift, earlyStoppingPatience,
                timeBudget, execution, seed, progressSteps);
    }

    /** @param c global-norm clipping, null for none @return a copy with it */
    public TrainingConfig withClipping(GlobalNormClipping c) {
        return new TrainingConfig(objective, optimizer, learningRate, c, epochs, batchSize, augmentShift,
                earlyStoppingPatience, timeBudget, execution, seed, progressSteps);
    }

    /** @param e epochs @param b batch size @return a copy with them */
    public TrainingConfig withEpochs(int e, int b) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, e, b, augmentShift, earlyStoppingPatience,
                timeBudget, execution, seed, progressSteps);
    }

    /** @param shift largest shift in pixels @return a copy with it */
    public TrainingConfig withAugmentShift(int shift) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, shift, earlyStoppingPatience,
                timeBudget, execution, seed, progressSteps);
    }

    /** @param patience epochs @return a copy with it */
    public TrainingConfig withEarlyStopping(int patience) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, augmentShift, patience,
                timeBudget, execution, seed, progressSteps);
    }

    /** @param budget wall-clock limit, null for none @return a copy with it */
    public TrainingConfig withTimeBudget(Duration budget) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, augmentShift,
                earlyStoppingPatience, budget, execution, seed, progressSteps);
    }

    /** @param e device and threads @return a copy with them */
    public TrainingConfig withExecution(ExecutionSettings e) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, augmentShift,
                earlyStoppingPatience, timeBudget, e, seed, progressSteps);
    }

    /** @param s the seed @return a copy with it */
    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, augmentShift,
                earlyStoppingPatience, timeBudget, execution, s, progressSteps);
    }

    /** @param steps steps per ONNX Runtime call, 0 for automatic @return a copy with it */
    public TrainingConfig withProgressSteps(int steps) {
        return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, augmentShift,
                earlyStoppingPatience, timeBudget, execution, seed, steps);
    }
}
