package org.temper.calibration.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.temper.calibration.Bin;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;

/**
 * Reliability diagrams: per equal-width bin, accuracy against mean confidence, with the diagonal
 * of perfect calibration, the gap between them shaded, and the number of examples per bin as a
 * histogram underneath. Several models share one figure (one colour each), and the legend gives
 * each model's ECE.
 */
public final class ReliabilityDiagram {

    private ReliabilityDiagram() {
    }

    /**
     * @param title the chart title
     * @param name the model's name in the legend
     * @param report its report
     * @return the chart
     */
    public static JFreeChart chart(String title, String name, CalibrationReport report) {
        Map<String, CalibrationReport> one = new LinkedHashMap<>();
        one.put(name, report);
        return chart(title, one);
    }

    /**
     * @param title the chart title
     * @param models name to report, drawn and listed in the map's iteration order (use a
     *               LinkedHashMap); the reports should share their number of bins
     * @return the chart
     */
    public static JFreeChart chart(String title, Map<String, CalibrationReport> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to draw");
        }
        NumberAxis confidence = new NumberAxis("Confidence");
        confidence.setRange(0, 1);
        NumberAxis accuracy = new NumberAxis("Accuracy");
        accuracy.setRange(0, 1);
        XYPlot reliability = new XYPlot(diagonal(), null, accuracy, diagonalRenderer());
        NumberAxis count = new NumberAxis("Examples");
        XYIntervalSeriesCollection histogram = new XYIntervalSeriesCollection();
        LegendItemCollection legend = new LegendItemCollection();
        int index = 0;
        for (Map.Entry<String, CalibrationReport> model : models.entrySet()) {
            Color colour = Style.colour(index);
            reliability.setDataset(index + 1, curveAndDiagonal(model.getValue()));
            reliability.setRenderer(index + 1, gapRenderer(colour));
            histogram.addSeries(counts(model.getKey(), model.getValue()));
            legend.add(new LegendItem(String.format(Locale.ROOT, "%s (ECE %.4f)", model.getKey(),
                    model.getValue().value(Metric.ECE)), colour));
            index++;
        }
        legend.add(new LegendItem("perfect calibration", Color.GRAY));
        ClusteredXYBarRenderer bars = new ClusteredXYBarRenderer(0.1, false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        for (int i = 0; i < models.size(); i++) {
            bars.setSeriesPaint(i, Style.colour(i));
        }
        XYPlot counts = new XYPlot(histogram, null, count, bars);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(confidence);
        plot.setGap(8);
        Style.apply(reliability);
        Style.apply(counts);
        plot.add(reliability, 3);
        plot.add(counts, 1);
        plot.setFixedLegendItems(legend);
        return Style.chart(title, plot);
    }

    private static XYSeriesCollection diagonal() {
        XYSeries line = new XYSeries("perfect calibration");
        line.add(0, 0);
        line.add(1, 1);
        return new XYSeriesCollection(line);
    }

    private static XYLineAndShapeRenderer diagonalRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesStroke(0, Style.DASHED);
        return renderer;
    }

    /** Series 0: (confidence, accuracy) per non-empty bin; series 1: (confidence, confidence). */
    private static XYSeriesCollection curveAndDiagonal(CalibrationReport report) {
        XYSeries curve = new XYSeries("accuracy", false);
        XYSeries ideal = new XYSeries("confidence", false);
        for (Bin bin : report.equalWidthBins().bins()) {
            if (!bin.isEmpty()) {
                curve.add(bin.meanConfidence(), bin.accuracy());
                ideal.add(bin.meanConfidence(), bin.meanConfidence());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(curve);
        data.addSeries(ideal);
        return data;
    }

    private static XYDifferenceRenderer gapRenderer(Color colour) {
        XYDifferenceRenderer renderer = new XYDifferenceRenderer(Style.translucent(colour, 70),
                Style.translucent(colour, 70), true);
        renderer.setSeriesPaint(0, colour);
        renderer.setSeriesStroke(0, Style.LINE);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(1, Style.translucent(colour, 0));
        return renderer;
    }

    private static XYIntervalSeries counts(String name, CalibrationReport report) {
        XYIntervalSeries series = new XYIntervalSeries(name);
        for (Bin bin : report.equalWidthBins().bins()) {
            double middle = (bin.lower() + bin.upper()) / 2;
            series.add(middle, bin.lower(), bin.upper(), bin.count(), 0, bin.count());
        }
        return series;
    }
}
