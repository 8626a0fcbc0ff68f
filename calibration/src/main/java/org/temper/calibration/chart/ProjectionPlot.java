package org.temper.calibration.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.temper.calibration.analysis.PenultimateProjection;

/**
 * Scatter plot of penultimate activations projected onto the plane of three class templates:
 * one colour per class, each template marked by a large black-edged diamond labelled with its
 * class name.
 */
public final class ProjectionPlot {

    private ProjectionPlot() {
    }

    /**
     * @param title the chart title
     * @param projection the plane of the three templates
     * @param activations one penultimate activation per example
     * @param classes for each example, which template's class it belongs to: 0, 1 or 2
     * @param classNames the names of the three classes, in template order
     * @return the chart
     */
    public static JFreeChart chart(String title, PenultimateProjection projection, double[][] activations,
                                   int[] classes, List<String> classNames) {
        if (activations.length != classes.length) {
            throw new IllegalArgumentException("need one class per activation, got " + activations.length
                    + " activations, " + classes.length + " classes");
        }
        double[][] points = new double[activations.length][];
        for (int i = 0; i < activations.length; i++) {
            points[i] = projection.coordinates(activations[i]);
        }
        double[][] templates = new double[3][];
        for (int c = 0; c < 3; c++) {
            templates[c] = projection.templateCoordinates(c);
        }
        return chart(title, points, classes, templates, classNames);
    }

    /**
     * The same plot from coordinates already in the plane (e.g. read back from a file).
     * @param title the chart title
     * @param points the (u, v) coordinates of each example's activation
     * @param classes for each example, which template's class it belongs to: 0, 1 or 2
     * @param templates the (u, v) coordinates of the three templates
     * @param classNames the names of the three classes, in template order
     * @return the chart
     */
    public static JFreeChart chart(String title, double[][] points, int[] classes, double[][] templates,
                                   List<String> classNames) {
        if (points.length != classes.length || classNames.size() != 3 || templates.length != 3) {
            throw new IllegalArgumentException("need one class per activation, three templates and three class"
                    + " names, got " + points.length + " activations, " + classes.length + " classes, "
                    + templates.length + " templates, " + classNames.size() + " names");
        }
        XYSeriesCollection series = new XYSeriesCollection();
        for (String name : classNames) {
            series.addSeries(new XYSeries(name, false));
        }
        for (int i = 0; i < points.length; i++) {
            if (classes[i] < 0 || classes[i] > 2) {
                throw new IllegalArgumentException("example " + i + " has class " + classes[i] + ", not 0, 1 or 2");
            }
            series.getSeries(classes[i]).add(points[i][0], points[i][1]);
        }
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int c = 0; c < 3; c++) {
            dots.setSeriesPaint(c, Style.translucent(Style.colour(c), 140));
            dots.setSeriesShape(c, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYPlot plot = new XYPlot(series, new NumberAxis("u"), new NumberAxis("v"), dots);
        XYSeriesCollection marked = new XYSeriesCollection();
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        for (int c = 0; c < 3; c++) {
            XYSeries template = new XYSeries("template: " + classNames.get(c));
            double[] uv = templates[c];
            template.add(uv[0], uv[1]);
            marked.addSeries(template);
            marks.setSeriesShape(c, ShapeUtils.createDiamond(9));
            marks.setSeriesPaint(c, Style.colour(c));
            marks.setSeriesVisibleInLegend(c, false);
            XYTextAnnotation label = new XYTextAnnotation("  " + classNames.get(c), uv[0], uv[1]);
            label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            label.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(label);
        }
        marks.setUseOutlinePaint(true);
        marks.setDefaultOutlinePaint(Color.BLACK);
        marks.setDrawOutlines(true);
        plot.setDataset(1, marked);
        plot.setRenderer(1, marks);
        Style.apply(plot);
        return Style.chart(title, plot);
    }
}
