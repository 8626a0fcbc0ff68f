package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The distillation experiment's figures, as PNG and SVG, both against the teachers' smoothness index
 * gamma (T = 1): the students' test accuracy with one line per temperature through the label-smoothed
 * and hard-target teachers (the dropout teacher's students as unconnected points) and the student
 * without a teacher as a dashed line; and the teachers' accuracy beside their best students'.
 */
final class DistillationFigures {

    /** The figures' base names, in the order of the report. */
    static final List<String> NAMES = List.of("student-accuracy-vs-gamma", "teacher-and-student-vs-gamma");

    private DistillationFigures() {
    }

    /**
     * A line of a chart: a name and each teacher's value.
     * @param name the legend's entry
     * @param value a teacher's value (mean and sd, as fractions)
     */
    private record Line(String name, Function<TeacherSummary, Stat> value) {
    }

    /**
     * @param folder where the files go
     * @param title the data set's name
     * @param results the summaries
     * @return figure name to its PNG's file name (beside it the SVG)
     * @throws IOException when a file cannot be written
     */
    static Map<String, String> write(Path folder, String title, DistillationResults results) throws IOException {
        List<Line> perTemperature = new ArrayList<>();
        for (StudentSummary s : results.students()) {
            if (s.teacher().equals(results.teachers().get(0).teacher())) {
                double x = s.temperature();
                perTemperature.add(new Line("students at T = " + Cells.number(x, 0),
                        t -> results.student(t.teacher(), x).accuracy()));
            }
        }
        List<Line> pair = List.of(new Line("teachers", TeacherSummary::accuracy),
                new Line("their best students (best T)", t -> results.bestOf(t.teacher()).accuracy()));
        List<JFreeChart> charts = List.of(
                chart(title + ": student test accuracy against the teacher's gamma", results, perTemperature),
                chart(title + ": teacher and best-student test accuracy against gamma", results, pair));
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < charts.size(); i++) {
            files.put(NAMES.get(i), Charts.write(folder, NAMES.get(i), charts.get(i)));
        }
        return files;
    }

    private static JFreeChart chart(String title, DistillationResults results, List<Line> lines) {
        YIntervalSeriesCollection smoothed = new YIntervalSeriesCollection();
        YIntervalSeriesCollection dropout = new YIntervalSeriesCollection();
        for (Line line : lines) {
            YIntervalSeries through = new YIntervalSeries(line.name() + " (mean ± sd over seeds)");
            YIntervalSeries points = new YIntervalSeries(line.name() + " (dropout teacher)");
            for (TeacherSummary t : results.teachers()) {
                Stat v = line.value().apply(t);
                Charts.add(t.dropout() > 0 ? points : through, t.gamma().mean(),
                        new Stat(100 * v.mean(), 100 * v.std()));
            }
            smoothed.addSeries(through);
            dropout.addSeries(points);
        }
        JFreeChart chart = Charts.lines(title, "teacher's smoothness index gamma on the training images (T = 1)",
                "test accuracy %", smoothed);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(0, Charts.meansWithErrorBars(lines.size()));
        XYErrorRenderer marks = Charts.meansWithErrorBars(lines.size());
        marks.setDefaultLinesVisible(false);
        plot.setDataset(1, dropout);
        plot.setRenderer(1, marks);
        double low = results.teachers().stream().mapToDouble(t -> t.gamma().mean()).min().orElse(0);
        double high = results.teachers().stream().mapToDouble(t -> t.gamma().mean()).max().orElse(1);
        XYSeries alone = new XYSeries("student without a teacher");
        alone.add(low, 100 * results.alone().accuracy().mean());
        alone.add(high, 100 * results.alone().accuracy().mean());
        plot.setDataset(2, new XYSeriesCollection(alone));
        plot.setRenderer(2, Charts.dashed(Color.GRAY));
        plot.getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
