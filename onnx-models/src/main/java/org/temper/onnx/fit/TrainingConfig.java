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
 * one setting with a {@code with...} method, several with {@link #toBuilder()}.
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
        return new TrainingConfig(LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(0.05), null, 10, 128, 0, 0, null, ExecutionSettings.DEFAULT, 1L, 0);
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @param o the objective @return a copy with it */
    public TrainingConfig withObjective(Objective o) {
        return toBuilder().objective(o).build();
    }

    /** @param o the optimizer @return a copy with it */
    public TrainingConfig withOptimizer(Optimizer o) {
        return toBuilder().optimizer(o).build();
    }

    /** @param r the learning rate schedule @return a copy with it */
    public TrainingConfig withLearningRate(LearningRateSchedule r) {
        return toBuilder().learningRate(r).build();
    }

    /** @param c global-norm clipping, null for none @return a copy with it */
    public TrainingConfig withClipping(GlobalNormClipping c) {
        return toBuilder().clipping(c).build();
    }

    /** @param e epochs @param b batch size @return a copy with them */
    public TrainingConfig withEpochs(int e, int b) {
        return toBuilder().epochs(e).batchSize(b).build();
    }

    /** @param shift largest shift in pixels @return a copy with it */
    public TrainingConfig withAugmentShift(int shift) {
        return toBuilder().augmentShift(shift).build();
    }

    /** @param patience epochs @return a copy with it */
    public TrainingConfig withEarlyStopping(int patience) {
        return toBuilder().earlyStoppingPatience(patience).build();
    }

    /** @param budget wall-clock limit, null for none @return a copy with it */
    public TrainingConfig withTimeBudget(Duration budget) {
        return toBuilder().timeBudget(budget).build();
    }

    /** @param e device and threads @return a copy with them */
    public TrainingConfig withExecution(ExecutionSettings e) {
        return toBuilder().execution(e).build();
    }

    /** @param s the seed @return a copy with it */
    public TrainingConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    /** @param steps steps per ONNX Runtime call, 0 for automatic @return a copy with it */
    public TrainingConfig withProgressSteps(int steps) {
        return toBuilder().progressSteps(steps).build();
    }

    /** Changes several settings at once; {@link #build()} checks them. */
    public static final class Builder {
        private Objective objective;
        private Optimizer optimizer;
        private LearningRateSchedule learningRate;
        private GlobalNormClipping clipping;
        private int epochs;
        private int batchSize;
        private int augmentShift;
        private int earlyStoppingPatience;
        private Duration timeBudget;
        private ExecutionSettings execution;
        private long seed;
        private int progressSteps;

        private Builder(TrainingConfig c) {
            objective = c.objective;
            optimizer = c.optimizer;
            learningRate = c.learningRate;
            clipping = c.clipping;
            epochs = c.epochs;
            batchSize = c.batchSize;
            augmentShift = c.augmentShift;
            earlyStoppingPatience = c.earlyStoppingPatience;
            timeBudget = c.timeBudget;
            execution = c.execution;
            seed = c.seed;
            progressSteps = c.progressSteps;
        }

        /** @param v the objective @return this */
        public Builder objective(Objective v) {
            objective = v;
            return this;
        }

        /** @param v the optimizer @return this */
        public Builder optimizer(Optimizer v) {
            optimizer = v;
            return this;
        }

        /** @param v the learning-rate schedule @return this */
        public Builder learningRate(LearningRateSchedule v) {
            learningRate = v;
            return this;
        }

        /** @param v global-norm clipping, null for none @return this */
        public Builder clipping(GlobalNormClipping v) {
            clipping = v;
            return this;
        }

        /** @param v epochs @return this */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** @param v batch size @return this */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @param v largest random shift in pixels @return this */
        public Builder augmentShift(int v) {
            augmentShift = v;
            return this;
        }

        /** @param v early-stopping patience in epochs, 0 for none @return this */
        public Builder earlyStoppingPatience(int v) {
            earlyStoppingPatience = v;
            return this;
        }

        /** @param v wall-clock limit, null for none @return this */
        public Builder timeBudget(Duration v) {
            timeBudget = v;
            return this;
        }

        /** @param v device and threads @return this */
        public Builder execution(ExecutionSettings v) {
            execution = v;
            return this;
        }

        /** @param v the seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @param v steps per ONNX Runtime call, 0 for automatic @return this */
        public Builder progressSteps(int v) {
            progressSteps = v;
            return this;
        }

        /** @return the checked configuration */
        public TrainingConfig build() {
            return new TrainingConfig(objective, optimizer, learningRate, clipping, epochs, batchSize, augmentShift,
                    earlyStoppingPatience, timeBudget, execution, seed, progressSteps);
        }
    }
}
