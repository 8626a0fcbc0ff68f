package org.temper.examples.reproduce;

import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * A {@code temper reproduce} experiment's command, whose trials can be planned apart from running and
 * reporting them, so that a task elsewhere ({@link Reproduction#runTrial}) rebuilds the same plan from
 * the same arguments and runs one of its trials. It holds the options every experiment takes.
 *
 * @param <T> the experiment's trial type
 */
abstract class ExperimentCommand<T extends Measured> implements Callable<Integer> {

    @Mixin
    ReproduceOptions options = new ReproduceOptions();

    /** @return the command's options */
    final ReproduceOptions options() {
        return options;
    }

    /**
     * Loads the data and opens the experiment's folder.
     * @return the opened run
     * @throws IOException when the data is missing or the folder holds something else
     */
    abstract ExperimentRun<T> open() throws IOException;

    /**
     * @param run the opened run
     * @return its trials, planned and none run
     */
    abstract TrialLoop<T> plan(ExperimentRun<T> run);

    /**
     * @return the trials of the run these options open, planned and none run
     * @throws IOException when the data is missing or the folder holds something else
     */
    final TrialLoop<T> plan() throws IOException {
        return plan(open());
    }
}
