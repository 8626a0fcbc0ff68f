package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.temper.onnx.model.NewFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An experiment's folder: experiment.json says which experiment and settings it holds, trials/ holds
 * one JSON file per finished trial, named by its key and written whole under its final name
 * ({@link NewFile}), so an interrupted run leaves only finished trials, and failed/ one per trial that
 * failed ({@link FailedTrial}), until a rerun finishes it. Trials may be stored by several processes
 * at once (Spark tasks): each file is published whole, at most once.
 *
 * @param <T> the experiment's trial type, a Jackson-serialisable record
 */
public final class TrialStore<T> {

    /** Jackson, indenting, as every writer of the reproductions uses it. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String FAILED = "failed";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9.+_-]+");

    private final Path folder;
    private final Class<T> type;

    private TrialStore(Path folder, Class<T> type) {
        this.folder = folder;
        this.type = type;
    }

    /**
     * Opens a folder for an experiment: a new or empty one is claimed by writing experiment.json; one
     * that holds the same experiment is resumed.
     * @param folder the experiment's folder
     * @param experiment what it must hold
     * @param type the trials' type
     * @param <T> the trials' type
     * @return the store
     * @throws IOException when the folder holds something else (another experiment, other settings, or
     *         files that are not an experiment's), naming the difference, or cannot be written
     */
    public static <T> TrialStore<T> open(Path folder, Experiment experiment, Class<T> type) throws IOException {
        Path file = folder.resolve("experiment.json");
        if (Files.exists(file)) {
            Experiment stored = JSON.readValue(file.toFile(), Experiment.class);
            if (!stored.equals(experiment)) {
                throw new IOException(folder + " holds the results of " + describe(stored) + ", not of "
                        + describe(experiment) + differences(stored, experiment)
                        + "; choose another --out (results are never mixed)");
            }
        } else {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new IOException(folder + " is not empty and holds no experiment.json: it is not an"
                                + " experiment's folder; choose another --out");
                    }
                }
            }
            Files.createDirectories(folder);
            NewFile.write(file, tmp -> JSON.writeValue(tmp.toFile(), experiment));
        }
        Files.createDirectories(folder.resolve("trials"));
        Files.createDirectories(folder.resolve(FAILED));
        return new TrialStore<>(folder, type);
    }

    /** @return the experiment's folder */
    public Path folder() {
        return folder;
    }

    /**
     * @param key the trial's name (letters, digits and {@code . + _ -})
     * @return the finished trial, if one is stored
     * @throws IOException when the stored file cannot be read
     */
    public Optional<T> find(String key) throws IOException {
        Path file = path("trials", key);
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), type)) : Optional.empty();
    }

    /**
     * @param key the trial's name
     * @param trial a finished trial, written whole or not at all
     * @throws IOException when it cannot be written or is already stored
     */
    public void save(String key, T trial) throws IOException {
        NewFile.write(path("trials", key), tmp -> JSON.writeValue(tmp.toFile(), trial));
        Files.deleteIfExists(path(FAILED, key));
    }

    /**
     * Records a trial's failure, replacing an earlier run's record of it.
     * @param failure the failed trial
     * @throws IOException when it cannot be written
     */
    public void fail(FailedTrial failure) throws IOException {
        Path file = path(FAILED, failure.key());
        Files.deleteIfExists(file);
        NewFile.write(file, tmp -> JSON.writeValue(tmp.toFile(), failure));
    }

    /**
     * @param key the trial's name
     * @return its failure, when it failed and is not stored since
     * @throws IOException when the record cannot be read
     */
    public Optional<FailedTrial> failure(String key) throws IOException {
        Path file = path(FAILED, key);
        return Files.exists(file) && find(key).isEmpty() ? Optional.of(JSON.readValue(file.toFile(), FailedTrial.class))
                : Optional.empty();
    }

    private Path path(String part, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A trial's key must be letters, digits and . + _ -, got '" + key + "'");
        }
        return folder.resolve(part).resolve(key + ".json");
    }

    private static String describe(Experiment e) {
        return String.format(Locale.ROOT, "experiment '%s' on %s", e.name(), e.data());
    }

    private static String differences(Experiment stored, Experiment wanted) {
        Map<?, ?> a = JSON.convertValue(stored, Map.class);
        Map<?, ?> b = JSON.convertValue(wanted, Map.class);
        TreeSet<String> differ = new TreeSet<>();
        a.keySet().forEach(k -> {
            if (!Objects.equals(a.get(k), b.get(k))) {
                differ.add(k + " " + a.get(k) + " there, " + b.get(k) + " here");
            }
        });
        return differ.isEmpty() ? "" : " (" + String.join("; ", differ) + ")";
    }
}
