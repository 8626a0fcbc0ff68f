package org.temper.spark;

import org.temper.onnx.recipe.Recipe;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its number, the grid's values at that point and the whole recipe as its
 * {@link Recipe#settings()}, the form in which it travels to an executor and is rebuilt there by
 * {@link Recipe.Builder#set(String, String)}.
 *
 * @param index the trial's number in the sweep, from 0
 * @param point the grid's settings at this trial, in the grid's order (empty for a list of recipes)
 * @param settings every setting of the trial's recipe
 */
public record Trial(int index, Map<String, String> point, Map<String, String> settings) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Copies the maps, keeping their order.
     * @param index the trial's number
     * @param point the grid's settings here
     * @param settings the recipe's settings
     */
    public Trial {
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** @return the recipe, rebuilt from its settings */
    public Recipe recipe() {
        Recipe.Builder b = Recipe.builder();
        settings.forEach(b::set);
        return b.build();
    }
}
