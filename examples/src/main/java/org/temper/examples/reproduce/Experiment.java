package org.temper.examples.reproduce;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies an experiment's results, stored as experiment.json in its folder: results of
 * another experiment, data, scale, seeds or recipe never share a folder.
 *
 * @param name the experiment (e.g. "smoothing")
 * @param data the data set as given ("fashion-mnist" or a folder)
 * @param classes the number of classes
 * @param scale examples and epochs
 * @param seeds seeds 1..seeds are run
 * @param alphas the configurations' smoothing strengths
 * @param recipe the recipe's settings shared by every trial (objective, alpha, seed and device left out)
 */
public record Experiment(String name, String data, int classes, Scale scale, int seeds, List<Double> alphas,
                         Map<String, String> recipe) {

    /** Copies the list and the settings (sorted by name). */
    public Experiment {
        alphas = List.copyOf(alphas);
        recipe = Collections.unmodifiableMap(new TreeMap<>(recipe));
    }
}
