package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.chart.CurveChart;
import org.temper.calibration.chart.ReliabilityDiagram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The smoothing experiment's figures, as PNG and SVG: the reliability diagrams of every alpha (seed 1)
 * and ECE against alpha, ours (mean, with the seeds' standard deviation as error bars) and published.
 */
final class SmoothingFigures {

    /** The figures' base names, in the order of the report. */
    static final List<String> NAMES = List.of("reliability", "ece-vs-alpha");

    private SmoothingFigures() {
    }

    /**
     * @param folder where the files go
     * @param title the data set's name
     * @param summaries one per alpha
     * @param trials every trial
     * @param published the published numbers, or null
     * @return figure name to its PNG's file name (beside it the SVG)
     * @throws IOException when a file cannot be written
     */
    static Map<String, String> write(Path folder, String title, List<AlphaSummary> summaries,
                                     List<SmoothingTrial> trials, PublishedSmoothing published) throws IOException {
        Map<String, CalibrationReport> reports = new LinkedHashMap<>();
        for (SmoothingTrial t : trials) {
            if (t.seed() == 1) {
                reports.put(String.format(Locale.ROOT, "alpha %.2f", t.alpha()),
                        CalibrationReport.of(t.testLogits().predictions(), Measurement.SETTINGS));
            }
        }
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put(NAMES.get(0), ReliabilityDiagram.chart(title + " test set, seed 1", reports));
        charts.put(NAMES.get(1), eceChart(title, summaries, published));
        return Outputs.figures(folder, charts);
    }

    private static JFreeChart eceChart(String title, List<AlphaSummary> summaries, PublishedSmoothing published) {
        List<CurveChart.Curve> curves = new ArrayList<>(List.of(new CurveChart.Curve("Temper (mean ± sd over seeds)",
                summaries.stream().map(a -> new CurveChart.Point(a.alpha(), a.ece().mean(), a.ece().std())).toList(),
                false)));
        if (published != null) {
            List<CurveChart.Point> theirs = new ArrayList<>();
            for (int i = 0; i < PublishedSmoothing.ALPHAS.size(); i++) {
                theirs.add(new CurveChart.Point(PublishedSmoothing.ALPHAS.get(i), published.ece().get(i), 0));
            }
            curves.add(new CurveChart.Curve("published (" + published.dataset() + ")", theirs, true));
        }
        return CurveChart.chart(title + ": test ECE against label smoothing's alpha", "alpha", "ECE (15 bins)", curves,
                List.of());
    }
}
