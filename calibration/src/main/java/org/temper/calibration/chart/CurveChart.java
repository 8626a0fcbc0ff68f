package org.temper.calibration.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A metric against a setting: one line per curve (one colour each, error bars where a point has a
 * spread, dashed for published or reference curves) and labelled horizontal lines for values that do
 * not depend on the setting (a baseline, a threshold).
 */
public final class CurveChart {

    /**
     * One point of a curve.
     * @param x the setting
     * @param y the value (a mean)
     * @param spread the half-height of its error bar (a standard deviation), 0 for none
     */
    public record Point(double x, double y, double spread) {
    }

    /**
     * @param name the legend's name
     * @param points the points, in order of x
     * @param dashed true to draw it dashed (published numbers, references)
     */
    public record Curve(String name, List<Point> points, boolean dashed) {
        /** Copies the points. */
        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * @param name its label on the chart
     * @param y its height
     */
    public record Level(String name, double y) {
    }

    private CurveChart() {
    }

    /**
     * @param title the chart's title
     * @param xLabel the setting's axis
     * @param yLabel the metric's axis
     * @param curves drawn in order, colours from the palette in the same order
     * @param levels horizontal lines, in grey tones, each labelled at its right end
     * @return the chart
     */
    public static JFreeChart chart(String title, String xLabel, String yLabel, List<Curve> curves,
                                   List<Level> levels) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            YIntervalSeries s = new YIntervalSeries(c.name());
            c.points().forEach(p -> s.add(p.x(), p.y(), p.y() - p.spread(), p.y() + p.spread()));
            data.addSeries(s);
            renderer.setSeriesPaint(i, Style.colour(i));
            renderer.setSeriesStroke(i, c.dashed() ? Style.DASHED : Style.LINE);
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Style.apply(plot);
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            ValueMarker m = new ValueMarker(level.y(), GREYS[i % GREYS.length], Style.DASHED);
            m.setLabel(level.name());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            m.setLabelPaint(GREYS[i % GREYS.length]);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(m);
        }
        y.setRange(range(curves, levels));
        return Style.chart(title, plot);
    }

    /** The values' range, levels included (an automatic range leaves markers out), with 5% margins. */
    private static Range range(List<Curve> curves, List<Level> levels) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (Point p : c.points()) {
                lo = Math.min(lo, p.y() - p.spread());
                hi = Math.max(hi, p.y() + p.spread());
            }
        }
        for (Level l : levels) {
            lo = Math.min(lo, l.y());
            hi = Math.max(hi, l.y());
        }
        double margin = hi > lo ? 0.05 * (hi - lo) : Math.max(1e-3, 0.05 * Math.abs(hi));
        return new Range(lo - margin, hi + margin);
    }

    private static final Color[] GREYS = {new Color(0x222222), new Color(0x777777), new Color(0xAAAAAA)};
}
