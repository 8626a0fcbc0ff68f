package org.temper.examples.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders a {@link Report} as Markdown whose figures are the PNG files beside it. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * @param report the content
     * @return the Markdown text
     */
    static String render(Report report) {
        StringBuilder m = new StringBuilder("# ").append(report.title()).append("\n\n");
        report.notes().forEach(n -> m.append(n).append("\n\n"));
        for (Table t : report.tables()) {
            m.append("## ").append(t.title()).append("\n\n");
            row(m, t.header());
            row(m, t.header().stream().map(c -> "---").toList());
            t.rows().forEach(r -> row(m, r));
            m.append('\n');
        }
        m.append("## Figures\n\n");
        report.figures().forEach((name, png) -> m.append("![").append(name).append("](").append(png).append(")\n\n"));
        return m.append("Every number: [results.json](results.json).\n").toString();
    }

    /**
     * @param folder the experiment's folder
     * @param report the content
     * @return true when report.md was written now
     * @throws IOException when it cannot be written
     */
    static boolean write(Path folder, Report report) throws IOException {
        String text = render(report);
        return Outputs.write(folder.resolve("report.md"), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder m, List<String> cells) {
        m.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n");
    }
}
