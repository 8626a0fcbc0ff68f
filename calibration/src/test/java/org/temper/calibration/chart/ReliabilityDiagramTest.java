package org.temper.calibration.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Predictions;

class ReliabilityDiagramTest {

    @TempDir
    Path dir;

    /**
     * Two classes, 15 bins of width 1/15, each group in one bin (bin = floor(15 * confidence)):
     * bin 9: 15 at 0.62, 12 right; bin 10: 3 at 0.70, none right (the small bin whose line used to
     * dive to 0); bin 11: empty; bin 12: 10 at 0.82, 8 right; bin 13: 12 at 0.88, 11 right;
     * bin 14: 40 at 0.95, 38 right.
     */
    private static CalibrationReport hand() {
        List<Double> p = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        double[][] groups = {{0.62, 15, 12}, {0.70, 3, 0}, {0.82, 10, 8}, {0.88, 12, 11}, {0.95, 40, 38}};
        for (double[] g : groups) {
            for (int i = 0; i < g[1]; i++) {
                p.add(g[0]);
                y.add(i < g[2] ? 1 : 0);
            }
        }
        return CalibrationReport.of(Predictions.binary(p.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static XYPlot subplot(JFreeChart chart, int index) {
        return ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(index);
    }

    private static List<String> texts(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text) {
                texts.add(text.getText());
            }
        }
        return texts;
    }

    @Test
    void eachRunOfAdjacentBinsIsOneJoinedSeriesAndSmallBinsAreHollowAndApart() {
        JFreeChart chart = ReliabilityDiagram.chart("Hand-made", "logistic regression", hand());
        XYPlot reliability = subplot(chart, 0);
        YIntervalSeriesCollection bins = (YIntervalSeriesCollection) reliability.getDataset(1);
        assertEquals(3, bins.getSeriesCount());
        assertEquals("logistic regression from bin 9", bins.getSeriesKey(0));
        assertEquals(1, bins.getItemCount(0));
        assertEquals("logistic regression from bin 12", bins.getSeriesKey(1), "the empty bin 11 breaks the run");
        assertEquals(3, bins.getItemCount(1));
        assertEquals("logistic regression (fewer than 10)", bins.getSeriesKey(2));
        assertEquals(1, bins.getItemCount(2));
        assertEquals(0.70, bins.getXValue(2, 0), 1e-12);
        assertEquals(0, bins.getYValue(2, 0));
        XYErrorRenderer renderer = (XYErrorRenderer) reliability.getRenderer(1);
        assertTrue(renderer.getItemLineVisible(1, 0));
        assertTrue(renderer.getItemShapeFilled(1, 0));
        assertFalse(renderer.getItemLineVisible(2, 0), "small bins are not joined");
        assertFalse(renderer.getItemShapeFilled(2, 0), "small bins are hollow");
    }

    @Test
    void eachBinCarriesItsWilsonInterval() {
        YIntervalSeriesCollection bins = (YIntervalSeriesCollection) subplot(
                ReliabilityDiagram.chart("Hand-made", "m", hand()), 0).getDataset(1);
        // bin 12: 8 of 10 at mean confidence 0.82
        assertEquals(0.82, bins.getXValue(1, 0), 1e-12);
        assertEquals(0.8, bins.getYValue(1, 0), 1e-12);
        assertEquals(0.4902, bins.getStartYValue(1, 0), 1e-4);
        assertEquals(0.9433, bins.getEndYValue(1, 0), 1e-4);
        // bin 10: 0 of 3, [0, z^2 / (3 + z^2)]
        assertEquals(0, bins.getStartYValue(2, 0));
        assertEquals(3.841459 / (3 + 3.841459), bins.getEndYValue(2, 0), 1e-6);
    }

    @Test
    void theHistogramIsLogarithmicWithEveryNonEmptyBinAndTheMinimumMarked() {
        XYPlot counts = subplot(ReliabilityDiagram.chart("Hand-made", "m", hand()), 1);
        LogAxis axis = assertInstanceOf(LogAxis.class, counts.getRangeAxis());
        assertTrue(axis.getLowerBound() < 1, "a bin of one example shows");
        IntervalXYDataset bars = (IntervalXYDataset) counts.getDataset();
        assertEquals(5, bars.getItemCount(0));
        assertEquals(3, bars.getYValue(0, 1));
        assertTrue(bars.getStartYValue(0, 1) > axis.getLowerBound() - 1e-12);
        ValueMarker minimum = (ValueMarker) counts.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(10, minimum.getValue());
    }

    @Test
    void theTitlesNameTheModelsAndTheCaptionTheMinimum() {
        Map<String, CalibrationReport> models = new LinkedHashMap<>();
        models.put("random forest", hand());
        models.put("random forest + isotonic", hand());
        JFreeChart chart = ReliabilityDiagram.chart("Test set", models);
        assertEquals("Test set", chart.getTitle().getText());
        List<String> texts = texts(chart);
        assertTrue(texts.contains("random forest vs random forest + isotonic"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("Wilson") && t.contains("fewer than 10 examples")),
                texts.toString());
        LegendItemCollection legend = chart.getXYPlot().getFixedLegendItems();
        assertTrue(legend.get(0).getLabel().startsWith("random forest (ECE "));
        assertTrue(legend.get(1).getLabel().startsWith("random forest + isotonic (ECE "));
        assertEquals("fewer than 10 examples", legend.get(2).getLabel());
        assertFalse(legend.get(2).isShapeFilled());
        assertEquals("perfect calibration", legend.get(3).getLabel());
        assertFalse(legend.get(3).isShapeVisible(), "the diagonal is a dashed line, not a swatch");
    }

    @Test
    void withoutAMinimumEveryBinIsSolidAndOnlyEmptyBinsBreakTheLine() {
        JFreeChart chart = ReliabilityDiagram.chart("Hand-made", Map.of("m", hand()), 0);
        YIntervalSeriesCollection bins = (YIntervalSeriesCollection) subplot(chart, 0).getDataset(1);
        assertEquals(2, bins.getSeriesCount());
        assertEquals(2, bins.getItemCount(0), "bins 9 and 10");
        assertEquals(3, bins.getItemCount(1), "bins 12 to 14");
        assertEquals(2, chart.getXYPlot().getFixedLegendItems().getItemCount());
        assertTrue(subplot(chart, 1).getRangeMarkers(Layer.FOREGROUND) == null
                || subplot(chart, 1).getRangeMarkers(Layer.FOREGROUND).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ReliabilityDiagram.chart("x", Map.of("m", hand()), -1));
        assertThrows(IllegalArgumentException.class, () -> ReliabilityDiagram.chart("x", Map.of()));
    }

    @Test
    void theComparisonHasOnePanelPerModelOnTheSameAxesAndRendersHeadless() throws IOException {
        Map<String, CalibrationReport> models = new LinkedHashMap<>();
        models.put("uncalibrated", ChartTest.model(2.0, 1));
        models.put("temperature", hand());
        List<JFreeChart> panels = ReliabilityDiagram.comparison("Methods compared", models,
                ReliabilityDiagram.MINIMUM_COUNT);
        assertEquals(2, panels.size());
        assertTrue(texts(panels.get(0)).contains("uncalibrated"));
        assertTrue(texts(panels.get(1)).contains("temperature"));
        for (int i = 0; i < 2; i++) {
            assertEquals(0, subplot(panels.get(i), 0).getRangeAxis().getLowerBound());
            assertEquals(1, subplot(panels.get(i), 0).getRangeAxis().getUpperBound());
            assertEquals(1, panels.get(i).getXYPlot().getDomainAxis().getUpperBound());
        }
        assertEquals(subplot(panels.get(0), 1).getRangeAxis().getRange(),
                subplot(panels.get(1), 1).getRangeAxis().getRange(), "the histograms share their range");
        assertNotEquals(((XYErrorRenderer) subplot(panels.get(0), 0).getRenderer(1)).getDefaultPaint(),
                ((XYErrorRenderer) subplot(panels.get(1), 0).getRenderer(1)).getDefaultPaint(),
                "each model keeps its colour");
        Path png = dir.resolve("comparison.png");
        ChartFiles.writeGrid(panels, panels.size(), png, 1200, 700);
        BufferedImage image = ImageIO.read(png.toFile());
        ChartTest.assertNotBlank(image.getSubimage(0, 0, 600, 700));
        ChartTest.assertNotBlank(image.getSubimage(600, 0, 600, 700));
        Path svg = dir.resolve("comparison.svg");
        ChartFiles.writeGrid(panels, panels.size(), svg, 1200, 700);
        String text = Files.readString(svg);
        assertTrue(text.contains("uncalibrated") && text.contains("temperature"));
        assertTrue(text.contains("Wilson"));
    }
}
