package org.temper.examples.reproduce;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** The end of every experiment's run: its report written and its tables shown on the console. */
final class Reports {

    private Reports() {
    }

    /**
     * Writes the report's files (each only when absent) and prints its tables up to the trials' table.
     * @param folder the experiment's folder
     * @param report the content
     * @param console where the tables go
     * @throws IOException when a file cannot be written
     */
    static void finish(Path folder, Report report, PrintStream console) throws IOException {
        boolean written = report.write(folder);
        console.println();
        console.print(MarkdownReport.render(report).split("\n## Trials")[0]);
        console.println();
        console.println((written ? "Report: " : "Report (kept from the run that finished these trials): ")
                + folder.resolve("report.html").toAbsolutePath());
    }
}
