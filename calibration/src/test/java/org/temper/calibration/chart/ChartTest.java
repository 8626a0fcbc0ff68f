package org.temper.calibration.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.analysis.PenultimateProjection;

class ChartTest {

    @TempDir
    Path dir;

    /** Softmax of sharpness * (gaussian logits with the label favoured): sharper is more confident. */
    static CalibrationReport model(double sharpness, long seed) {
        Random random = new Random(seed);
        int n = 3000;
        int classes = 5;
        double[] logits = new double[n * classes];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            for (int k = 0; k < classes; k++) {
                logits[i * classes + k] = sharpness * (random.nextGaussian() + (k == labels[i] ? 2 : 0));
            }
        }
        return CalibrationReport.of(Predictions.fromLogits(logits, labels, classes));
    }

    private static JFreeChart twoModels() {
        Map<String, CalibrationReport> models = new LinkedHashMap<>();
        models.put("a = 0", model(2.0, 1));
        models.put("a = 0.1", model(0.6, 2));
        return ReliabilityDiagram.chart("Reliability", models);
    }

    /** Fails unless at least 3% of the pixels differ from the corner's and 6 colours appear. */
    static void assertNotBlank(BufferedImage image) {
        int background = image.getRGB(0, 0);
        Set<Integer> colours = new HashSet<>();
        long different = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                different += rgb != background ? 1 : 0;
            }
        }
        assertTrue(different > 0.03 * image.getWidth() * image.getHeight(), different + " pixels drawn");
        assertTrue(colours.size() >= 6, colours.size() + " colours");
    }

    @Test
    void reliabilityDiagramPng() throws IOException {
        Path png = dir.resolve("reliability.png");
        ChartFiles.write(twoModels(), png, 640, 720);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(720, image.getHeight());
        assertNotBlank(image);
    }

    @Test
    void legendGivesEachModelsEce() {
        CalibrationReport report = model(2.0, 1);
        LegendItemCollection legend = twoModels().getXYPlot().getFixedLegendItems();
        assertEquals(4, legend.getItemCount());
        assertEquals(String.format(java.util.Locale.ROOT, "a = 0 (ECE %.4f)", report.value(Metric.ECE)),
                legend.get(0).getLabel());
        assertEquals("fewer than 10 examples", legend.get(2).getLabel());
        assertEquals("perfect calibration", legend.get(3).getLabel());
    }

    @Test
    void reliabilityDiagramSvg() throws IOException {
        Path svg = dir.resolve("reliability.svg");
        ChartFiles.write(ReliabilityDiagram.chart("One model", "net", model(1.0, 3)), svg, 500, 600);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), "an SVG document");
        assertTrue(text.contains("width='500"), "500 wide");
        assertTrue(text.contains("net (ECE 0."), "legend with ECE");
        assertTrue(text.contains("Confidence"), "axis label");
    }

    @Test
    void theSameChartPaintsInASwingPanel() {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless");
        ChartPanel panel = new ChartPanel(twoModels());
        panel.setSize(400, 450);
        BufferedImage image = new BufferedImage(400, 450, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        panel.paint(g);
        g.dispose();
        assertNotBlank(image);
    }

    @Test
    void projectionPlotPngAndSvg() throws IOException {
        Random random = new Random(4);
        double[][] templates = {{3, 0, 0, 1}, {0, 3, 0, 1}, {0, 0, 3, 1}};
        PenultimateProjection projection = PenultimateProjection.of(templates[0], templates[1], templates[2]);
        double[][] activations = new double[300][4];
        int[] classes = new int[300];
        for (int i = 0; i < 300; i++) {
            classes[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                activations[i][j] = templates[classes[i]][j] + 0.4 * random.nextGaussian();
            }
        }
        JFreeChart chart = ProjectionPlot.chart("Penultimate layer", projection, activations, classes,
                List.of("airplane", "automobile", "bird"));
        Path png = dir.resolve("projection.png");
        ChartFiles.write(chart, png, 600, 500);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(600, image.getWidth());
        assertEquals(500, image.getHeight());
        assertNotBlank(image);
        Path svg = dir.resolve("projection.svg");
        ChartFiles.write(chart, svg, 600, 500);
        assertTrue(Files.readString(svg).contains("automobile"));
        assertEquals(100, chart.getXYPlot().getDataset(0).getItemCount(1));
    }

    @Test
    void aGridOfChartsIsOneImageWithEveryChartInItsCell() throws IOException {
        double[][] points = {{0, 0}, {1, 0}, {0, 1}};
        double[][] templates = {{0, 0}, {1, 0}, {0, 1}};
        List<JFreeChart> charts = List.of(twoModels(), ProjectionPlot.chart("from coordinates", points,
                new int[] {0, 1, 2}, templates, List.of("a", "b", "c")), twoModels());
        Path png = dir.resolve("grid.png");
        ChartFiles.writeGrid(charts, 2, png, 800, 600);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertNotBlank(image.getSubimage(400, 0, 400, 300));
        assertNotBlank(image.getSubimage(0, 300, 400, 300));
        Path svg = dir.resolve("grid.svg");
        ChartFiles.writeGrid(charts, 2, svg, 800, 600);
        assertTrue(Files.readString(svg).contains("from coordinates"));
    }

    @Test
    void unknownExtensionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartFiles.write(twoModels(), dir.resolve("chart.jpg"), 100, 100));
        assertTrue(e.getMessage().endsWith("must end in .png or .svg"), e.getMessage());
    }

    @Test
    void curveChartDrawsEachCurveWithItsErrorBarsAndEveryLevel() throws IOException {
        List<CurveChart.Point> ours = List.of(new CurveChart.Point(0, 0.01, 0.002), new CurveChart.Point(0.5, 0.1, 0.01));
        JFreeChart chart = CurveChart.chart("ECE against b", "b", "ECE", List.of(
                new CurveChart.Curve("ours", ours, false),
                new CurveChart.Curve("published", List.of(new CurveChart.Point(0, 0.02, 0)), true)),
                List.of(new CurveChart.Level("hard targets", 0.01), new CurveChart.Level("label smoothing", 0.08)));
        org.jfree.data.xy.YIntervalSeriesCollection data =
                (org.jfree.data.xy.YIntervalSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals(0.09, data.getStartYValue(0, 1), 1e-12);
        assertEquals(0.11, data.getEndYValue(0, 1), 1e-12);
        assertEquals(2, chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        // The axis spans 0.008 (the lowest error bar) to 0.11 (the highest) with 5% of the 0.102 on each side.
        assertEquals(0.008 - 0.0051, chart.getXYPlot().getRangeAxis().getLowerBound(), 1e-12);
        assertEquals(0.11 + 0.0051, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-12);
        Path png = dir.resolve("curves.png");
        ChartFiles.write(chart, png, 640, 400);
        assertNotBlank(ImageIO.read(png.toFile()));
    }
}
