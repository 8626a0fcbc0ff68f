package org.temper.examples.reproduce;

import java.util.List;
import java.util.Map;

/**
 * An experiment's results as a report's content, the same for every experiment: title, notes, tables,
 * figures and the experiment's own results for results.json. Rendered by {@link HtmlReport} and
 * {@link MarkdownReport}, serialised by {@link ResultsJson}.
 *
 * @param title the report's title
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param notes the paragraphs that explain the tables
 * @param tables the tables, in order; the run's failed trials, if any, come first
 * @param figures figure name to its PNG file, relative to the report (an SVG beside it)
 * @param results the experiment's own results by name (published numbers, summaries, trials), for
 *        results.json; bulk arrays of the trials (logits, labels) are left out there
 */
record Report(String title, Experiment experiment, RunInfo run, List<String> notes, List<Table> tables,
              Map<String, String> figures, Map<String, Object> results) {

    Report {
        notes = List.copyOf(notes);
        List<Table> all = new java.util.ArrayList<>();
        Table.failed(run).ifPresent(all::add);
        all.addAll(tables);
        tables = List.copyOf(all);
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
    }

    /**
     * Writes report.html, report.md and results.json, each only when absent.
     * @param folder the experiment's folder
     * @return true when any of them was written now
     * @throws java.io.IOException when one cannot be written
     */
    boolean write(java.nio.file.Path folder) throws java.io.IOException {
        return ResultsJson.write(folder, this) | MarkdownReport.write(folder, this) | HtmlReport.write(folder, this);
    }
}
