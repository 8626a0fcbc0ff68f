package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.temper.calibration.chart.ChartFiles;
import org.temper.onnx.model.NewFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a report's files into the experiment's folder, each whole ({@link NewFile}) and only when
 * absent: a rerun of a finished experiment keeps the files it already made from the same trials.
 */
final class Outputs {

    private Outputs() {
    }

    /**
     * @param file the output
     * @param content what writes it
     * @return true when written now, false when it was already there
     * @throws IOException when it cannot be written
     */
    static boolean write(Path file, NewFile.Content content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        NewFile.write(file, content);
        return true;
    }

    /**
     * Removes a report's files (report.html, report.md, results.json and the figures' PNG and SVG
     * files at the folder's top), so that the next {@link #write}s make them anew; experiment.json and
     * the trials stay.
     * @param folder the experiment's folder
     * @throws IOException when one cannot be removed
     */
    static void clear(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (List.of("report.html", "report.md", "results.json").contains(name) || name.endsWith(".png")
                        || name.endsWith(".svg")) {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * Writes each chart as NAME.png and NAME.svg, 1400 x 800, each only when absent.
     * @param folder the experiment's folder
     * @param charts figure name to its chart, in the report's order
     * @return figure name to its PNG's file name (beside it the SVG), for a {@link Report}
     * @throws IOException when a file cannot be written
     */
    static Map<String, String> figures(Path folder, Map<String, JFreeChart> charts) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, JFreeChart> c : charts.entrySet()) {
            for (String ext : new String[] {".png", ".svg"}) {
                write(folder.resolve(c.getKey() + ext), tmp -> ChartFiles.write(c.getValue(), tmp, 1400, 800));
            }
            files.put(c.getKey(), c.getKey() + ".png");
        }
        return files;
    }
}
