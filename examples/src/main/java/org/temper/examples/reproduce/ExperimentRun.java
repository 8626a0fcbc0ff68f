package org.temper.examples.reproduce;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What every experiment's command starts with: the clock, the mode's scale with the options' overrides,
 * the folder, the data, the experiment's identity and its opened store.
 *
 * @param start System.nanoTime() when the command began
 * @param device the recipes' device
 * @param scale examples and epochs
 * @param folder the experiment's folder
 * @param data the images
 * @param experiment the experiment's identity
 * @param store its folder's trials
 * @param <T> the experiment's trial type
 */
record ExperimentRun<T>(long start, String device, Scale scale, Path folder, ExperimentData data,
                        Experiment experiment, TrialStore<T> store) {

    /** How an experiment names itself for its data, scale and seeds. */
    @FunctionalInterface
    interface Identity {
        /**
         * @param data the images
         * @param scale examples and epochs
         * @param seeds seeds 1..seeds
         * @return the experiment
         */
        Experiment of(ExperimentData data, Scale scale, int seeds);
    }

    /**
     * @param options the command's options
     * @param name the experiment's name (the default folder's)
     * @param quick its --quick scale
     * @param full its --full scale
     * @param identity its identity
     * @param type its trials' type
     * @param <T> the trial type
     * @return the opened run
     * @throws IOException when the data is missing or the folder holds something else
     */
    static <T> ExperimentRun<T> open(ReproduceOptions options, String name, Scale quick, Scale full, Identity identity,
                                     Class<T> type) throws IOException {
        long start = System.nanoTime();
        Scale scale = options.scale(quick, full);
        Path folder = options.folder(name);
        ExperimentData data = ExperimentData.load(options.data, scale);
        Experiment experiment = identity.of(data, scale, options.seeds);
        return new ExperimentRun<>(start, options.device, scale, folder, data, experiment,
                TrialStore.open(folder, experiment, type));
    }

    /**
     * @param outcome the trials
     * @return where and how this run ran, its wall time until now
     */
    RunInfo info(TrialLoop.Outcome<?> outcome) {
        return RunInfo.here(device, (System.nanoTime() - start) / 1e9, outcome);
    }
}
