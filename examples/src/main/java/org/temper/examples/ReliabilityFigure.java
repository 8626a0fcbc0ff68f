package org.temper.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.chart.ReliabilityDiagram;
import org.temper.calibration.temperature.TemperatureFit;

/**
 * The {@code --diagram} figure of {@code temper calibrate}: one reliability diagram of the evaluated outputs before
 * and after the fitted temperature and the method, or for {@code --method all} a grid of one panel per method that
 * could be fitted, each before and after that method (ten curves on one diagram would hide one another).
 */
final class ReliabilityFigure {

    /** Panels per row of the grid. */
    static final int COLUMNS = 3;

    private ReliabilityFigure() {
    }

    /**
     * @param model the evaluated outputs' name, in every title
     * @param before their report before any recalibration
     * @param fit the --fit-temperature fit, or null; drawn on the single diagram only
     * @param results the --method results, none without --method; for several, those that failed are left out
     * @return the diagrams: one, or one per fitted method when there are several results
     */
    static List<JFreeChart> charts(String model, CalibrationReport before, TemperatureFit fit,
                                   List<Recalibrations.Result> results) {
        if (results.size() <= 1) {
            Map<String, CalibrationReport> curves = new LinkedHashMap<>();
            curves.put(fit == null && results.isEmpty() ? model : "before", before);
            if (fit != null) {
                curves.put(String.format(Locale.ROOT, "after T = %.3f", fit.temperature()), fit.after());
            }
            results.forEach(r -> curves.put("after " + r.name(), r.after()));
            return List.of(ReliabilityDiagram.chart("Reliability diagram of " + model, curves));
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (Recalibrations.Result r : results) {
            if (r.after() != null) {
                Map<String, CalibrationReport> curves = new LinkedHashMap<>();
                curves.put("before", before);
                curves.put("after " + r.name(), r.after());
                panels.add(ReliabilityDiagram.chart(r.name() + ": " + model, curves));
            }
        }
        return panels;
    }

    /**
     * @param charts what {@link #charts} gave
     * @param file a .png or .svg file: 700 by 800 pixels for one diagram, 500 by 560 per panel of a grid
     * @throws IOException if it cannot be written
     */
    static void write(List<JFreeChart> charts, Path file) throws IOException {
        int columns = Math.min(COLUMNS, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        if (charts.size() == 1) {
            ChartFiles.write(charts.get(0), file, 700, 800);
        } else {
            ChartFiles.writeGrid(charts, columns, file, 500 * columns, 560 * rows);
        }
    }
}
