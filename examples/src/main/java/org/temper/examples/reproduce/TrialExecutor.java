package org.temper.examples.reproduce;

import java.util.List;

/**
 * Runs an experiment's missing trials elsewhere than in the command's thread, such as Spark tasks
 * (spark-sweeps' {@code ReproduceOnSpark}). Each trial is named by its key only: whoever runs it
 * rebuilds the experiment from the command's arguments ({@link Reproduction#runTrial}) and stores the
 * trial, or its failure, in the experiment's folder; the command then reads every trial back from there.
 */
@FunctionalInterface
public interface TrialExecutor {

    /**
     * Runs the trials of one stage of the plan; they depend only on trials of earlier stages (a
     * distillation's students on their stored teachers). Returns when every one has ended, stored or
     * recorded as failed.
     * @param keys the keys of the stage's trials that are not stored yet, in the plan's order
     * @throws Exception when the trials cannot be run at all (not when one of them fails)
     */
    void run(List<String> keys) throws Exception;
}
