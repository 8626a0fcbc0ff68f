package org.temper.examples.reproduce;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies an experiment's results, stored as experiment.json in its folder: results of
 * another experiment, data, scale, seeds, configurations or recipe never share a folder.
 *
 * @param name the experiment (e.g. "smoothing")
 * @param data the data set as given ("fashion-mnist" or a folder)
 * @param classes the number of classes
 * @param scale examples and epochs
 * @param seeds seeds 1..seeds are run
 * @param configurations the experiment's configurations, each named as its trials' files are (e.g. "alpha-0.05")
 * @param recipe the recipe's settings shared by every trial (those the configurations vary left out)
 */
public record Experiment(String name, String data, int classes, Scale scale, int seeds, List<String> configurations,
                         Map<String, String> recipe) {

    /** Copies the list and the settings (sorted by name). */
    public Experiment {
        configurations = List.copyOf(configurations);
        recipe = Collections.unmodifiableMap(new TreeMap<>(recipe));
    }

    /**
     * @param recipe a trial's settings ({@code Recipe.settings()})
     * @param varied the settings the configurations or the run vary, left out
     * @return the rest, as every trial shares it
     */
    static Map<String, String> shared(Map<String, String> recipe, String... varied) {
        Map<String, String> shared = new TreeMap<>(recipe);
        List.of("seed", "device", "threads").forEach(shared::remove);
        List.of(varied).forEach(shared::remove);
        return shared;
    }
}
