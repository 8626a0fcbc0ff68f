package org.temper.examples.reproduce;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.chart.ReliabilityDiagram;

import java.awt.BasicStroke;
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
            JFreeChart chart = charts.get(i);
            String name = NAMES.get(i);
            Outputs.write(folder.resolve(name + ".png"), tmp -> ChartFiles.write(chart, tmp, 1400, 800));
            Outputs.write(folder.resolve(name + ".svg"), tmp -> ChartFiles.write(chart, tmp, 1400, 800));
            files.put(name, name + ".png");
        }
        return files;
    }

    private static JFreeChart eceChart(String title, List<AlphaSummary> summaries, PublishedSmoothing published) {
        YIntervalSeries ours = new YIntervalSeries("Temper (mean ± sd over seeds)");
        summaries.forEach(a -> ours.add(a.alpha(), a.ece().mean(), a.ece().mean() - a.ece().std(),
                a.ece().mean() + a.ece().std()));
        YIntervalSeriesCollection oursData = new YIntervalSeriesCollection();
        oursData.addSeries(ours);
        JFreeChart chart = ChartFactory.createXYLineChart(title + ": test ECE against label smoothing's alpha",
                "alpha", "ECE (15 bins)", oursData, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYErrorRenderer oursRenderer = new XYErrorRenderer();
        oursRenderer.setDefaultLinesVisible(true);
        oursRenderer.setSeriesPaint(0, new Color(0x4E79A7));
        oursRenderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(0, oursRenderer);
        if (published != null) {
            XYSeries theirs = new XYSeries("published (" + published.dataset() + ")");
            for (int i = 0; i < PublishedSmoothing.ALPHAS.size(); i++) {
                theirs.add(PublishedSmoothing.ALPHAS.get(i), published.ece().get(i));
            }
            plot.setDataset(1, new XYSeriesCollection(theirs));
            XYLineAndShapeRenderer theirsRenderer = new XYLineAndShapeRenderer(true, true);
            theirsRenderer.setSeriesPaint(0, new Color(0xF28E2B));
            theirsRenderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f));
            plot.setRenderer(1, theirsRenderer);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
