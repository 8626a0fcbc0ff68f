package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.temper.calibration.chart.CurveChart;

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
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put(NAMES.get(0), chart(title + ": student test accuracy against the teacher's gamma", results,
                perTemperature));
        charts.put(NAMES.get(1), chart(title + ": teacher and best-student test accuracy against gamma", results,
                pair));
        return Outputs.figures(folder, charts);
    }

    /** Each line through the smoothed teachers, the dropout teacher as its own point, the lone student as a level. */
    private static JFreeChart chart(String title, DistillationResults results, List<Line> lines) {
        List<CurveChart.Curve> curves = new ArrayList<>();
        for (Line line : lines) {
            List<CurveChart.Point> through = new ArrayList<>();
            List<CurveChart.Point> dropout = new ArrayList<>();
            for (TeacherSummary t : results.teachers()) {
                Stat v = line.value().apply(t);
                (t.dropout() > 0 ? dropout : through).add(new CurveChart.Point(t.gamma().mean(), 100 * v.mean(),
                        100 * v.std()));
            }
            curves.add(new CurveChart.Curve(line.name() + " (mean ± sd over seeds)", through, false));
            if (!dropout.isEmpty()) {
                curves.add(new CurveChart.Curve(line.name() + " (dropout teacher)", dropout, false));
            }
        }
        return CurveChart.chart(title, "teacher's smoothness index gamma on the training images (T = 1)",
                "test accuracy %", curves, List.of(new CurveChart.Level("student without a teacher",
                        100 * results.alone().accuracy().mean())));
    }
}
