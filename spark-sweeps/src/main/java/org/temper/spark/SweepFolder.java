package org.temper.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.temper.onnx.model.NewFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A sweep's output folder: {@code sweep.json} names the sweep it belongs to (its trials' settings, its
 * data and measures), {@code trials/trial-NNNN.json} holds each finished trial's result, written whole
 * and at most once ({@link NewFile}), and {@code results.jsonl} all results, one JSON line per trial in
 * trial order. A folder holding another sweep is refused, never mixed.
 */
final class SweepFolder {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINES = new ObjectMapper();
    /** The file naming the sweep a folder belongs to. */
    static final String MANIFEST = "sweep.json";
    /** All results, one JSON line per trial. */
    static final String RESULTS = "results.jsonl";

    private final Path folder;

    private SweepFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * @param out the folder's path
     * @return the folder (nothing is read or created)
     */
    static SweepFolder at(String out) {
        return new SweepFolder(Path.of(out));
    }

    /**
     * Makes the folder this sweep's, or checks that it already is.
     * @param sweep the sweep's description ({@link Sweep#manifest()})
     * @throws IOException naming the folder and the fix when it holds another sweep or other files, or
     *         cannot be written
     */
    void claim(ObjectNode sweep) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            JsonNode held = JSON.readTree(manifest.toFile());
            if (!held.equals(sweep)) {
                throw new IOException("--out " + folder + " holds the results of another sweep (" + difference(held,
                        sweep) + "); choose another folder, or delete it to start this sweep afresh");
            }
            return;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("--out " + folder + " is a folder with other files and no " + MANIFEST
                            + "; give a new or empty folder");
                }
            }
        } else if (Files.exists(folder)) {
            throw new IOException("--out " + folder + " is a file; give a folder");
        }
        NewFile.write(manifest, f -> JSON.writeValue(f.toFile(), sweep));
    }

    private static String difference(JsonNode held, JsonNode wanted) {
        for (String field : List.of("data", "measures", "bins")) {
            if (!held.path(field).equals(wanted.path(field))) {
                return field + " " + held.path(field) + " there, " + wanted.path(field) + " here";
            }
        }
        JsonNode a = held.path("trials");
        JsonNode b = wanted.path("trials");
        if (a.size() != b.size()) {
            return a.size() + " trials there, " + b.size() + " here";
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "trial " + i + " is " + a.get(i) + " there, " + b.get(i) + " here";
            }
        }
        return "its " + MANIFEST + " differs";
    }

    private Path trialFile(int index) {
        return folder.resolve("trials").resolve(String.format(Locale.ROOT, "trial-%04d.json", index));
    }

    /**
     * @param index a trial's number
     * @return its stored result, if any
     */
    Optional<TrialResult> stored(int index) {
        Path file = trialFile(index);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TrialResult.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the stored result " + file + " cannot be read (" + e.getMessage()
                    + "); delete it to run the trial again", e);
        }
    }

    /**
     * Stores a result unless an attempt of the same trial already stored one (a task Spark retried or ran
     * twice), whose result is then the trial's.
     * @param result a trial's result
     * @return the stored result
     * @throws IOException when the file cannot be written
     */
    TrialResult save(TrialResult result) throws IOException {
        try {
            NewFile.write(trialFile(result.trial()), f -> JSON.writeValue(f.toFile(), result));
            return result;
        } catch (FileAlreadyExistsException e) {
            return stored(result.trial()).orElse(result);
        }
    }

    /**
     * Deletes the stored failed results, so that a rerun tries those trials again.
     * @param trials the sweep's trial count
     * @throws IOException when a file cannot be deleted
     */
    void forgetFailed(int trials) throws IOException {
        for (int i = 0; i < trials; i++) {
            if (stored(i).map(r -> !r.ok()).orElse(false)) {
                Files.delete(trialFile(i));
            }
        }
    }

    /**
     * Writes results.jsonl anew.
     * @param results every trial's result, in trial order
     * @throws IOException when it cannot be written
     */
    void writeResults(List<TrialResult> results) throws IOException {
        Path file = folder.resolve(RESULTS);
        Files.deleteIfExists(file);
        NewFile.write(file, f -> {
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                for (TrialResult r : results) {
                    w.write(LINES.writeValueAsString(r));
                    w.write('\n');
                }
            }
        });
    }

    /**
     * @param value a record
     * @return it as a JSON tree, as it reads back from a file
     */
    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** @return a fresh JSON object for a manifest */
    static ObjectNode newManifest() {
        return JSON.createObjectNode();
    }
}
