package org.temper.examples.reproduce;

import java.io.IOException;

/**
 * A {@code temper reproduce} experiment's command, whose trials can be planned apart from running and
 * reporting them, so that a task elsewhere ({@link Reproduction#runTrial}) rebuilds the same plan from
 * the same arguments and runs one of its trials.
 *
 * @param <T> the experiment's trial type
 */
interface ExperimentCommand<T extends Measured> {

    /** @return the command's options */
    ReproduceOptions options();

    /**
     * Loads the data and opens the experiment's folder.
     * @return the opened run
     * @throws IOException when the data is missing or the folder holds something else
     */
    ExperimentRun<T> open() throws IOException;

    /**
     * @param run the opened run
     * @return its trials, planned and none run
     */
    TrialLoop<T> plan(ExperimentRun<T> run);

    /**
     * @return the trials of the run these options open, planned and none run
     * @throws IOException when the data is missing or the folder holds something else
     */
    default TrialLoop<T> plan() throws IOException {
        return plan(open());
    }
}
