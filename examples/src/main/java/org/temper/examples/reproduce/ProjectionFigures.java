package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.chart.ProjectionPlot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The projection experiment's figure, as PNG and SVG: one scatter plot per net (rows: hard targets,
 * label smoothing) and images (columns: training, test), seed 1; both plots of a net share its axes.
 */
final class ProjectionFigures {

    /** The figure's base name. */
    static final String NAME = "projection";

    private ProjectionFigures() {
    }

    /**
     * @param folder where the files go
     * @param title the data set's name
     * @param trials every trial
     * @param classNames the three classes' names
     * @return figure name to its PNG's file name (beside it the SVG)
     * @throws IOException when a file cannot be written
     */
    static Map<String, String> write(Path folder, String title, List<ProjectionTrial> trials, List<String> classNames)
            throws IOException {
        List<JFreeChart> charts = new ArrayList<>();
        for (ProjectionTrial t : trials) {
            if (t.seed() != 1) {
                continue;
            }
            String net = ProjectionReport.net(t.alpha());
            JFreeChart train = ProjectionPlot.chart(title + ", " + net + ": training images", t.trainPoints().points(),
                    t.trainPoints().classes(), t.templates(), classNames);
            JFreeChart test = ProjectionPlot.chart(title + ", " + net + ": test images", t.testPoints().points(),
                    t.testPoints().classes(), t.templates(), classNames);
            sameAxes(train.getXYPlot(), test.getXYPlot());
            charts.add(train);
            charts.add(test);
        }
        int height = 700 * charts.size() / 2;
        Outputs.write(folder.resolve(NAME + ".png"), tmp -> ChartFiles.writeGrid(charts, 2, tmp, 1400, height));
        Outputs.write(folder.resolve(NAME + ".svg"), tmp -> ChartFiles.writeGrid(charts, 2, tmp, 1400, height));
        return Map.of(NAME, NAME + ".png");
    }

    private static void sameAxes(XYPlot a, XYPlot b) {
        Range u = Range.combine(a.getDomainAxis().getRange(), b.getDomainAxis().getRange());
        Range v = Range.combine(a.getRangeAxis().getRange(), b.getRangeAxis().getRange());
        for (XYPlot p : List.of(a, b)) {
            p.getDomainAxis().setRange(u);
            p.getRangeAxis().setRange(v);
        }
    }
}
