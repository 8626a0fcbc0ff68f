package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.chart.ReliabilityDiagram;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
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
        Map<String, String> files = new LinkedHashMap<>();
        List<JFreeChart> charts = List.of(ReliabilityDiagram.chart(title + " test set, seed 1", reports),
                eceChart(title, summaries, published));
        for (int i = 0; i < charts.size(); i++) {
            files.put(NAMES.get(i), Charts.write(folder, NAMES.get(i), charts.get(i)));
        }
        return files;
    }

    private static JFreeChart eceChart(String title, List<AlphaSummary> summaries, PublishedSmoothing published) {
        YIntervalSeries ours = new YIntervalSeries("Temper (mean ± sd over seeds)");
        summaries.forEach(a -> Charts.add(ours, a.alpha(), a.ece()));
        YIntervalSeriesCollection oursData = new YIntervalSeriesCollection();
        oursData.addSeries(ours);
        JFreeChart chart = Charts.lines(title + ": test ECE against label smoothing's alpha", "alpha",
                "ECE (15 bins)", oursData);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(0, Charts.meansWithErrorBars(1));
        if (published != null) {
            XYSeries theirs = new XYSeries("published (" + published.dataset() + ")");
            for (int i = 0; i < PublishedSmoothing.ALPHAS.size(); i++) {
                theirs.add(PublishedSmoothing.ALPHAS.get(i), published.ece().get(i));
            }
            plot.setDataset(1, new XYSeriesCollection(theirs));
            plot.setRenderer(1, Charts.dashed(new Color(0xF28E2B)));
        }
        return chart;
    }
}
