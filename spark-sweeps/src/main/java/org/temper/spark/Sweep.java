package org.temper.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.temper.calibration.Metric;
import org.temper.onnx.recipe.Recipe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A grid (or a list) of training recipes, the data they train on and what is measured, with the folder
 * that holds the results. Every trial is checked by the recipe's own rules when the sweep is made, so a
 * wrong grid key or value is refused before any work starts. Run it on Spark, one task per trial:
 * <pre>{@code
 * Sweep sweep = Sweep.of(Recipe.builder().epochs(5).hidden(128).build(),
 *         Map.of("alpha", List.of("0", "0.05", "0.1"), "seed", List.of("1", "2", "3")),
 *         SweepData.of("/shared/fashion-mnist"), Path.of("/shared/sweeps/alpha"));
 * Dataset<Row> results = sweep.run(spark);
 * results.groupBy("alpha").avg("ece").show();
 * }</pre>
 * or in this JVM, one trial after the other, with {@link #runInProcess()}. Either way each finished
 * trial's result is stored in the folder as soon as it is known and is not computed again by a rerun;
 * failed trials are recorded with their message and tried again by a rerun.
 */
public final class Sweep {

    private final List<String> gridKeys;
    private final List<Trial> trials;
    private final SweepData data;
    private final Measures measures;
    private final Path out;

    private Sweep(List<String> gridKeys, List<Trial> trials, SweepData data, Measures measures, Path out) {
        this.gridKeys = List.copyOf(gridKeys);
        this.trials = List.copyOf(trials);
        this.data = data;
        this.measures = measures;
        this.out = out;
    }

    /**
     * A grid: every combination of the values, the last key varying fastest.
     * @param base the settings every trial shares
     * @param grid setting names (as in {@link Recipe#settingNames()}) to the values each takes, as text
     * @param data the data
     * @param out the results folder
     * @return the sweep, measuring {@link Measures#DEFAULT}
     * @throws IllegalArgumentException naming the grid key whose name or value the recipe refuses
     */
    public static Sweep of(Recipe base, Map<String, List<String>> grid, SweepData data, Path out) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        grid.forEach((key, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("grid " + key + ": give at least one value");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : values) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(key, v);
                    next.add(q);
                }
            }
            points.clear();
            points.addAll(next);
        });
        List<Trial> trials = new ArrayList<>();
        for (Map<String, String> p : points) {
            Recipe.Builder b = base.toBuilder();
            p.forEach((key, value) -> {
                try {
                    b.set(key, value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("grid " + key + "=" + value + ": " + e.getMessage(), e);
                }
            });
            trials.add(new Trial(trials.size(), p, checked(b, "grid " + p).settings()));
        }
        return new Sweep(new ArrayList<>(grid.keySet()), trials, data, Measures.DEFAULT, out).checkDistinct();
    }

    /**
     * A list of recipes, one trial each.
     * @param recipes the recipes
     * @param data the data
     * @param out the results folder
     * @return the sweep, measuring {@link Measures#DEFAULT}
     */
    public static Sweep of(List<Recipe> recipes, SweepData data, Path out) {
        List<Trial> trials = new ArrayList<>();
        for (Recipe r : recipes) {
            trials.add(new Trial(trials.size(), Map.of(), checked(r.toBuilder(), "recipe " + trials.size()).settings()));
        }
        return new Sweep(List.of(), trials, data, Measures.DEFAULT, out).checkDistinct();
    }

    private static Recipe checked(Recipe.Builder b, String what) {
        Recipe r;
        try {
            r = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        if (r.objective() == Recipe.ObjectiveKind.DISTILLATION) {
            throw new IllegalArgumentException(what + ": objective distillation needs a teacher, which sweeps do"
                    + " not take yet; sweep hard_targets, label_smoothing or confidence_penalty");
        }
        return r;
    }

    private Sweep checkDistinct() {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("the sweep has no trial: give a grid or at least one recipe");
        }
        Map<Map<String, String>, Integer> seen = new HashMap<>();
        for (Trial t : trials) {
            Integer other = seen.putIfAbsent(t.settings(), t.index());
            if (other != null) {
                throw new IllegalArgumentException("trials " + other + " " + trials.get(other).point() + " and "
                        + t.index() + " " + t.point() + " have the same recipe (a grid key the objective does not"
                        + " read?); drop the duplicate values");
            }
        }
        return this;
    }

    /**
     * @param chosen what each trial measures on the test set
     * @return this sweep measuring those
     */
    public Sweep measuring(Measures chosen) {
        return new Sweep(gridKeys, trials, data, chosen, out);
    }

    /** @return the trials, in order */
    public List<Trial> trials() {
        return trials;
    }

    /** @return the grid's keys, in order (empty for a list of recipes) */
    public List<String> gridKeys() {
        return gridKeys;
    }

    /** @return what each trial measures */
    public Measures measures() {
        return measures;
    }

    /** @return the results folder */
    public Path out() {
        return out;
    }

    /**
     * Runs the missing trials as Spark tasks (see {@link #runTrials(SparkSession)}).
     * @param spark the session
     * @return one row per trial: trial, status, message, the grid's keys, the metrics, epochs, seconds,
     *         host, device, threads and the settings
     * @throws IOException when the results folder holds another sweep or cannot be written
     */
    public Dataset<Row> run(SparkSession spark) throws IOException {
        return SparkTrials.rows(spark, this, runTrials(spark));
    }

    /**
     * Runs the missing trials as Spark tasks, one per trial, and collects every trial's result.
     * Each task gives ONNX Runtime {@code spark.task.cpus} threads when the recipe leaves threads at 0, and
     * the GPU Spark assigned it ({@code spark.task.resource.gpu.amount=1}) as {@code cuda:N}.
     * @param spark the session
     * @return every trial's result, in trial order
     * @throws IOException when the results folder holds another sweep or cannot be written
     */
    public List<TrialResult> runTrials(SparkSession spark) throws IOException {
        return execute(todo -> SparkTrials.run(spark, todo, data, measures, out.toString()));
    }

    /**
     * Runs the missing trials in this JVM, one after the other.
     * @return every trial's result, in trial order
     * @throws IOException when the results folder holds another sweep or cannot be written
     */
    public List<TrialResult> runInProcess() throws IOException {
        return execute(todo -> todo.stream().map(t -> TrialTask.run(t, data, measures, out.toString(), null, 0))
                .toList());
    }

    /** Runs a list of trials somewhere and returns their results. */
    @FunctionalInterface
    private interface Runner {
        List<TrialResult> run(List<Trial> todo);
    }

    private List<TrialResult> execute(Runner runner) throws IOException {
        SweepFolder folder = SweepFolder.at(out.toString());
        folder.claim(manifest());
        folder.forgetFailed(trials.size());
        Map<Integer, TrialResult> results = new TreeMap<>();
        List<Trial> todo = new ArrayList<>();
        for (Trial t : trials) {
            folder.stored(t.index()).ifPresentOrElse(r -> results.put(t.index(), r), () -> todo.add(t));
        }
        if (!todo.isEmpty()) {
            for (TrialResult r : runner.run(todo)) {
                results.put(r.trial(), folder.save(r));
            }
        }
        List<TrialResult> all = List.copyOf(results.values());
        folder.writeResults(all);
        return all;
    }

    /** @return what identifies this sweep in its folder: the data, the measures and every trial's settings */
    ObjectNode manifest() {
        ObjectNode m = SweepFolder.newManifest();
        m.set("data", SweepFolder.tree(data));
        ArrayNode keys = m.putArray("measures");
        measures.metrics().stream().map(Metric::key).forEach(keys::add);
        m.put("bins", measures.bins());
        ArrayNode list = m.putArray("trials");
        for (Trial t : trials) {
            ObjectNode o = list.addObject();
            t.settings().forEach(o::put);
        }
        return m;
    }
}
