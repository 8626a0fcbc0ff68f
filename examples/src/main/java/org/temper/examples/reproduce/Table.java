package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table of a report, rendered alike as HTML and Markdown.
 *
 * @param title its heading
 * @param header the column names
 * @param rows the cells, as text
 */
record Table(String title, List<String> header, List<List<String>> rows) {

    Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * The settings table every report ends its tables with: the data, the images, the seeds, what the
     * experiment varies, the recipe every trial shares, and where, with what and how long it ran.
     * @param experiment the experiment
     * @param run the run
     * @param varied what the experiment's configurations vary, by name
     * @return the table
     */
    static Table settings(Experiment experiment, RunInfo run, Map<String, String> varied) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", experiment.data() + " (" + experiment.classes() + " classes)");
        Scale s = experiment.scale();
        m.put("images", String.format(Locale.ROOT, "%,d training, %,d held-out, %s test", s.trainExamples(),
                s.heldOut(), s.testExamples() == 0 ? "all" : Integer.toString(s.testExamples())));
        m.put("epochs", Integer.toString(s.epochs()));
        m.put("seeds", "1.." + experiment.seeds());
        m.putAll(varied);
        m.putAll(experiment.recipe());
        m.put("device", run.device());
        m.put("Temper", run.temper());
        m.put("ONNX Runtime", run.onnxRuntime());
        m.put("Java", run.java());
        m.put("machine", run.os() + ", " + run.cores() + " processors");
        m.put("wall time of this run", String.format(Locale.ROOT, "%.0f s (%d trials trained, %d read back)",
                run.wallSeconds(), run.trained(), run.readBack()));
        m.put("time of all trials", String.format(Locale.ROOT, "%.0f s", run.trialSeconds()));
        m.put("finished", run.finished());
        List<List<String>> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(List.of(k, v)));
        return new Table("Settings", List.of("setting", "value"), rows);
    }

    /**
     * @param run the run
     * @return the table of the trials that failed, with their messages, or nothing when none did
     */
    static java.util.Optional<Table> failed(RunInfo run) {
        if (run.failed().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Table("Failed trials (left out above; a rerun tries them again)",
                List.of("trial", "host", "message"), run.failed().stream()
                .map(f -> List.of(f.label(), f.host(), f.message())).toList()));
    }
}
