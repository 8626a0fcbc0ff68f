package org.temper.calibration.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes charts to PNG or SVG files, chosen by the file's extension, one chart or several on a grid
 * in one image; works headless.
 */
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
        writeGrid(List.of(chart), 1, file, width, height);
    }

    /**
     * @param charts the charts, row by row
     * @param columns charts per row; each chart gets width / columns by height / rows pixels
     * @param file where to write them: a name ending in .png or .svg
     * @param width width of the whole image in pixels
     * @param height height of the whole image in pixels
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the extension is neither .png nor .svg, or there are no charts
     */
    public static void writeGrid(List<JFreeChart> charts, int columns, Path file, int width, int height)
            throws IOException {
        if (charts.isEmpty() || columns <= 0) {
            throw new IllegalArgumentException("a grid needs charts and at least one column, got " + charts.size()
                    + " charts in " + columns + " columns");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new IllegalArgumentException("chart file " + file + " must end in .png or .svg");
        }
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage image = png ? new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB) : null;
        Graphics2D g = png ? image.createGraphics() : new SVGGraphics2D(width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int w = width / columns;
        int h = height / rows;
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle(i % columns * w, i / columns * h, w, h));
        }
        g.dispose();
        if (png) {
            ImageIO.write(image, "png", file.toFile());
        } else {
            SVGUtils.writeToSVG(file.toFile(), ((SVGGraphics2D) g).getSVGElement());
        }
    }
}
