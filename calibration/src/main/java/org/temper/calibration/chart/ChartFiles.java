package org.temper.calibration.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** Writes charts to PNG or SVG files, chosen by the file's extension; works headless. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * @param chart the chart
     * @param file where to write it: a name ending in .png or .svg
     * @param width width in pixels
     * @param height height in pixels
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the extension is neither .png nor .svg
     */
    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        } else if (name.endsWith(".svg")) {
            SVGGraphics2D svg = new SVGGraphics2D(width, height);
            chart.draw(svg, new Rectangle(0, 0, width, height));
            SVGUtils.writeToSVG(file.toFile(), svg.getSVGElement());
        } else {
            throw new IllegalArgumentException("chart file " + file + " must end in .png or .svg");
        }
    }
}
