package org.temper.examples.reproduce;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.temper.calibration.chart.ChartFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The look and the files of every experiment's line charts: white plots with light grid lines, our
 * means with the seeds' standard deviation as error bars, published or reference lines dashed, each
 * chart written as PNG and SVG (1400 x 800) only when absent.
 */
final class Charts {

    /** The colours of successive series. */
    static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F),
        new Color(0xE15759), new Color(0x76B7B2), new Color(0xB07AA1), new Color(0xEDC948), new Color(0x9C755F)};

    private Charts() {
    }

    /**
     * @param title the chart's title
     * @param x the horizontal axis' label
     * @param y the vertical axis' label
     * @param data the first data set (rendered by the caller's renderer 0)
     * @return a white line chart with a legend
     */
    static JFreeChart lines(String title, String x, String y, XYDataset data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * @param series how many series the renderer draws, coloured from the palette in order
     * @return lines through means with error bars, solid
     */
    static XYErrorRenderer meansWithErrorBars(int series) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(true);
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        return r;
    }

    /**
     * @param color the line's colour
     * @return a dashed line with shapes, for published or reference values
     */
    static XYLineAndShapeRenderer dashed(Color color) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, color);
        r.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        return r;
    }

    /**
     * Adds a mean ± sd point.
     * @param series the series
     * @param x the point's position
     * @param stat the mean and standard deviation over seeds
     */
    static void add(YIntervalSeries series, double x, Stat stat) {
        series.add(x, stat.mean(), stat.mean() - stat.std(), stat.mean() + stat.std());
    }

    /**
     * @param folder the experiment's folder
     * @param name the figure's base name
     * @param chart the chart
     * @return the PNG's file name (the SVG lies beside it)
     * @throws IOException when a file cannot be written
     */
    static String write(Path folder, String name, JFreeChart chart) throws IOException {
        Outputs.write(folder.resolve(name + ".png"), tmp -> ChartFiles.write(chart, tmp, 1400, 800));
        Outputs.write(folder.resolve(name + ".svg"), tmp -> ChartFiles.write(chart, tmp, 1400, 800));
        return name + ".png";
    }
}
