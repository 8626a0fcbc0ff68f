package org.temper.calibration.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.temper.calibration.Bin;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Interval;
import org.temper.calibration.Metric;

/**
 * Reliability diagrams of a report's equal-width bins, drawn so that they do not mislead.
 *
 * <p>Each non-empty bin is a dot at (mean confidence, accuracy) with a vertical bar spanning the
 * 95% Wilson score interval of its accuracy ({@link Bin#accuracyInterval}). A bin of fewer than a
 * minimum count of examples ({@value #MINIMUM_COUNT} unless given) is a hollow, fainter dot, never
 * joined to its neighbours; solid dots are joined only to adjacent bins that are solid too, so no
 * line crosses an empty or small bin. The dashed grey diagonal is perfect calibration; nothing is
 * shaded. Under the diagram a histogram gives each bin's number of examples on a log axis (so a bin
 * of 3 examples is as visible as one of 3,000), with the minimum count as a dashed line. The legend
 * gives each model's ECE; a subtitle names the model(s) and a caption says how to read the figure.
 *
 * <p>{@link #chart(String, Map)} overlays several models in one diagram (one colour each);
 * {@link #comparison} draws one diagram per model on identical axes, to put side by side with
 * {@link ChartFiles#writeGrid}.
 */
public final class ReliabilityDiagram {

    /** The default minimum count: bins of fewer examples are drawn hollow and not joined. */
    public static final int MINIMUM_COUNT = 10;

    /** Where the log-scale histogram's bars start: below 1, so that a bin of one example shows. */
    private static final double HISTOGRAM_FLOOR = 0.5;

    private static final Shape DOT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
    private static final Shape SEGMENT = new Line2D.Double(-9, 0, 9, 0);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color DIAGONAL = new Color(0x555555);
    /** Alpha of hollow dots and their intervals. */
    private static final int FAINT = 150;

    private ReliabilityDiagram() {
    }

    /**
     * One model's diagram, with the default minimum count.
     * @param title the chart title
     * @param name the model's name, in the subtitle and the legend
     * @param report its report
     * @return the chart
     */
    public static JFreeChart chart(String title, String name, CalibrationReport report) {
        Map<String, CalibrationReport> one = new LinkedHashMap<>();
        one.put(name, report);
        return chart(title, one);
    }

    /**
     * Several models overlaid in one diagram, with the default minimum count.
     * @param title the chart title
     * @param models name to report, drawn and listed in the map's iteration order (use a
     *               LinkedHashMap); the reports should share their number of bins
     * @return the chart
     */
    public static JFreeChart chart(String title, Map<String, CalibrationReport> models) {
        return chart(title, models, MINIMUM_COUNT);
    }

    /**
     * Several models overlaid in one diagram.
     * @param title the chart title
     * @param models name to report, drawn and listed in the map's iteration order
     * @param minimumCount bins of fewer examples are drawn hollow and not joined (0 or 1: none)
     * @return the chart
     * @throws IllegalArgumentException if there is no model or the minimum count is negative
     */
    public static JFreeChart chart(String title, Map<String, CalibrationReport> models, int minimumCount) {
        check(models, minimumCount);
        return diagram(title, models, 0, minimumCount, largestBin(models));
    }

    /**
     * One diagram per model, to compare methods side by side: every panel has the same axes (the
     * histograms share their range) and the model's colour of {@link #chart(String, Map, int)}.
     * Write them in one image with {@code ChartFiles.writeGrid(panels, panels.size(), file, w, h)}.
     * @param title every panel's title; each panel's subtitle names its model
     * @param models name to report, one panel each in the map's iteration order
     * @param minimumCount bins of fewer examples are drawn hollow and not joined (0 or 1: none)
     * @return the panels, in the models' order
     * @throws IllegalArgumentException if there is no model or the minimum count is negative
     */
    public static List<JFreeChart> comparison(String title, Map<String, CalibrationReport> models,
                                              int minimumCount) {
        check(models, minimumCount);
        long largest = largestBin(models);
        List<JFreeChart> panels = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, CalibrationReport> model : models.entrySet()) {
            panels.add(diagram(title, Map.of(model.getKey(), model.getValue()), index++, minimumCount, largest));
        }
        return panels;
    }

    private static void check(Map<String, CalibrationReport> models, int minimumCount) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to draw");
        }
        if (minimumCount < 0) {
            throw new IllegalArgumentException("the minimum count must be >= 0, got " + minimumCount);
        }
    }

    private static long largestBin(Map<String, CalibrationReport> models) {
        return models.values().stream().flatMap(r -> r.equalWidthBins().bins().stream())
                .mapToLong(Bin::count).max().orElse(1);
    }

    /**
     * @param firstColour the palette index of the first model
     * @param largest the histogram's largest count, for its range
     */
    private static JFreeChart diagram(String title, Map<String, CalibrationReport> models, int firstColour,
                                      int minimumCount, long largest) {
        boolean marksSmall = minimumCount > 1;
        NumberAxis confidence = new NumberAxis("Confidence");
        confidence.setRange(0, 1);
        NumberAxis accuracy = new NumberAxis("Accuracy");
        accuracy.setRange(0, 1);
        XYPlot reliability = new XYPlot(diagonal(), null, accuracy, diagonalRenderer());
        reliability.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        XYIntervalSeriesCollection histogram = new XYIntervalSeriesCollection();
        ClusteredXYBarRenderer bars = new ClusteredXYBarRenderer(0.1, false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setUseYInterval(true);
        LegendItemCollection legend = new LegendItemCollection();
        int index = 0;
        for (Map.Entry<String, CalibrationReport> model : models.entrySet()) {
            Color colour = Style.colour(firstColour + index);
            YIntervalSeriesCollection points = new YIntervalSeriesCollection();
            reliability.setDataset(index + 1, points);
            reliability.setRenderer(index + 1, binRenderer(points, model.getKey(), model.getValue(), minimumCount,
                    colour));
            histogram.addSeries(counts(model.getKey(), model.getValue()));
            bars.setSeriesPaint(index, colour);
            legend.add(item(String.format(Locale.ROOT, "%s (ECE %.4f)", model.getKey(),
                    model.getValue().value(Metric.ECE)), colour, true, true, Style.LINE));
            index++;
        }
        if (marksSmall) {
            legend.add(item("fewer than " + minimumCount + " examples", Color.GRAY, true, false, null));
        }
        legend.add(item("perfect calibration", DIAGONAL, false, false, Style.DASHED));
        LogAxis count = new LogAxis("Examples (log)");
        count.setNumberFormatOverride(new DecimalFormat("#,##0"));
        count.setTickUnit(new NumberTickUnit(1));
        count.setRange(HISTOGRAM_FLOOR, Math.max(2, 2.0 * largest));
        XYPlot counts = new XYPlot(histogram, null, count, bars);
        if (marksSmall) {
            counts.addRangeMarker(minimumMarker(minimumCount));
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(confidence);
        plot.setGap(8);
        Style.apply(reliability);
        Style.apply(counts);
        plot.add(reliability, 3);
        plot.add(counts, 1);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = Style.chart(title, plot);
        TextTitle names = new TextTitle(String.join(" vs ", models.keySet()), SUBTITLE);
        chart.addSubtitle(names);
        TextTitle caption = new TextTitle(caption(minimumCount, marksSmall), CAPTION);
        caption.setPosition(RectangleEdge.BOTTOM);
        caption.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(caption);
        return chart;
    }

    private static String caption(int minimumCount, boolean marksSmall) {
        return "Dots: each bin's accuracy at its mean confidence; bars: 95% Wilson score intervals."
                + (marksSmall ? " Hollow, unjoined dots: bins of fewer than " + minimumCount + " examples." : "")
                + " Below: examples per bin, log scale.";
    }

    private static XYSeriesCollection diagonal() {
        XYSeries line = new XYSeries("perfect calibration");
        line.add(0, 0);
        line.add(1, 1);
        return new XYSeriesCollection(line);
    }

    private static XYLineAndShapeRenderer diagonalRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, DIAGONAL);
        renderer.setSeriesStroke(0, Style.DASHED);
        return renderer;
    }

    /**
     * Fills points with one series per run of adjacent bins of at least the minimum count (solid,
     * joined) and, where there are any, a last series of the smaller bins (hollow, not joined); each
     * point's y interval is its Wilson interval.
     * @return the renderer of those series
     */
    private static XYErrorRenderer binRenderer(YIntervalSeriesCollection points, String name,
                                               CalibrationReport report, int minimumCount, Color colour) {
        List<Bin> bins = report.equalWidthBins().bins();
        YIntervalSeries small = new YIntervalSeries(name + " (fewer than " + minimumCount + ")", false, false);
        YIntervalSeries run = null;
        for (int i = 0; i < bins.size(); i++) {
            Bin bin = bins.get(i);
            if (bin.isEmpty()) {
                run = null;
            } else if (bin.count() < minimumCount) {
                run = null;
                add(small, bin);
            } else {
                if (run == null) {
                    run = new YIntervalSeries(name + " from bin " + i, false, false);
                    points.addSeries(run);
                }
                add(run, bin);
            }
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setCapLength(5);
        renderer.setDefaultShape(DOT);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesFilled(true);
        renderer.setDefaultPaint(colour);
        renderer.setDefaultStroke(Style.LINE);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAutoPopulateSeriesShape(false);
        if (!small.isEmpty()) {
            int s = points.getSeriesCount();
            points.addSeries(small);
            renderer.setSeriesLinesVisible(s, false);
            renderer.setSeriesShapesFilled(s, false);
            renderer.setSeriesPaint(s, Style.translucent(colour, FAINT));
            renderer.setSeriesStroke(s, Style.THIN);
            renderer.setSeriesOutlineStroke(s, Style.LINE);
        }
        return renderer;
    }

    private static void add(YIntervalSeries series, Bin bin) {
        Interval wilson = bin.accuracyInterval();
        series.add(bin.meanConfidence(), bin.accuracy(), wilson.lower(), wilson.upper());
    }

    /** Each non-empty bin's count, as a bar over the bin from the log axis' floor. */
    private static XYIntervalSeries counts(String name, CalibrationReport report) {
        XYIntervalSeries series = new XYIntervalSeries(name);
        for (Bin bin : report.equalWidthBins().bins()) {
            if (!bin.isEmpty()) {
                double middle = (bin.lower() + bin.upper()) / 2;
                series.add(middle, bin.lower(), bin.upper(), bin.count(), HISTOGRAM_FLOOR, bin.count());
            }
        }
        return series;
    }

    private static ValueMarker minimumMarker(int minimumCount) {
        ValueMarker marker = new ValueMarker(minimumCount, Color.GRAY, Style.DASHED);
        marker.setLabel(minimumCount + " examples");
        marker.setLabelFont(CAPTION);
        marker.setLabelPaint(Color.DARK_GRAY);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelBackgroundColor(Style.translucent(Color.WHITE, 0));
        return marker;
    }

    /**
     * A legend entry.
     * @param dot whether it shows a dot, filled or hollow
     * @param line the line segment's stroke, null for none
     */
    private static LegendItem item(String label, Color colour, boolean dot, boolean filled, Stroke line) {
        return new LegendItem(label, null, null, null, dot, DOT, filled, colour, !filled, colour, Style.LINE,
                line != null, SEGMENT, line == null ? Style.LINE : line, colour);
    }
}
