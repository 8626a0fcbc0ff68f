package org.temper.examples.reproduce;

import org.jfree.chart.JFreeChart;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.chart.CurveChart;
import org.temper.calibration.chart.ReliabilityDiagram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The penalty experiment's figures, as PNG and SVG: test ECE, mean entropy and accuracy against the
 * penalty's weight b (one curve per variant, each starting at b = 0 from the hard-target net, with
 * hard targets and label smoothing as horizontal lines; mean ± sd over seeds), and the reliability
 * diagrams of hard targets, label smoothing and a few penalty settings (seed 1).
 */
final class PenaltyFigures {

    /** The figures' base names, in the order of the report. */
    static final List<String> NAMES = List.of("ece-vs-b", "entropy-vs-b", "accuracy-vs-b", "reliability");

    /** The configurations of the reliability diagrams, by key. */
    static final Set<String> RELIABILITY = Set.of("hard", "smoothing-" + PenaltyExperiment.SMOOTHING_ALPHA,
            "penalty-0.5", "penalty-2.0", "annealed-2.0", "hinge-2.0");

    private PenaltyFigures() {
    }

    /**
     * @param folder where the files go
     * @param title the data set's name
     * @param classes K
     * @param summaries one per configuration, hard targets and label smoothing first
     * @param trials every trial
     * @return figure name to its PNG's file name (beside it the SVG)
     * @throws IOException when a file cannot be written
     */
    static Map<String, String> write(Path folder, String title, int classes, List<PenaltySummary> summaries,
                                     List<PenaltyTrial> trials) throws IOException {
        double threshold = PenaltyExperiment.hingeThreshold(classes);
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put(NAMES.get(0), curves(title + ": test ECE against the penalty's weight b", "ECE (15 bins)",
                summaries, MeasurementStats::ece, List.of()));
        charts.put(NAMES.get(1), curves(title + ": mean entropy of the test predictions against b",
                "mean entropy (nats)", summaries, MeasurementStats::meanEntropy,
                List.of(new CurveChart.Level(String.format(Locale.ROOT, "hinge threshold G = %.3f",
                        threshold), threshold))));
        charts.put(NAMES.get(2), curves(title + ": test accuracy against b", "accuracy", summaries,
                MeasurementStats::accuracy, List.of()));
        Map<String, CalibrationReport> reports = new LinkedHashMap<>();
        for (PenaltyTrial t : trials) {
            if (t.seed() == 1 && RELIABILITY.contains(t.configuration().key())) {
                reports.put(t.configuration().label(), CalibrationReport.of(t.testLogits().predictions(),
                        Measurement.SETTINGS));
            }
        }
        charts.put(NAMES.get(3), ReliabilityDiagram.chart(title + " test set, seed 1", reports));
        return Outputs.figures(folder, charts);
    }

    /** One curve per penalty variant from the hard-target net at b = 0; hard targets, smoothing and levels as lines. */
    private static JFreeChart curves(String title, String axis, List<PenaltySummary> summaries,
                                     Function<MeasurementStats, Stat> metric, List<CurveChart.Level> levels) {
        PenaltySummary hard = summaries.get(0);
        List<CurveChart.Curve> curves = new ArrayList<>();
        for (PenaltyConfiguration.Variant v : List.of(PenaltyConfiguration.Variant.CONSTANT,
                PenaltyConfiguration.Variant.ANNEALED, PenaltyConfiguration.Variant.HINGE)) {
            List<CurveChart.Point> points = new ArrayList<>(List.of(point(hard, metric)));
            summaries.stream().filter(s -> s.configuration().variant() == v).forEach(s -> points.add(point(s, metric)));
            curves.add(new CurveChart.Curve(CURVE_NAMES.get(v), points, false));
        }
        List<CurveChart.Level> all = new ArrayList<>(List.of(
                new CurveChart.Level("hard targets", metric.apply(hard.test()).mean()),
                new CurveChart.Level(summaries.get(1).configuration().label(),
                        metric.apply(summaries.get(1).test()).mean())));
        all.addAll(levels);
        return CurveChart.chart(title, "b", axis, curves, all);
    }

    private static CurveChart.Point point(PenaltySummary s, Function<MeasurementStats, Stat> metric) {
        Stat v = metric.apply(s.test());
        return new CurveChart.Point(s.configuration().weight(), v.mean(), v.std());
    }

    private static final Map<PenaltyConfiguration.Variant, String> CURVE_NAMES = Map.of(
            PenaltyConfiguration.Variant.CONSTANT, "penalty, constant b",
            PenaltyConfiguration.Variant.ANNEALED, "penalty, b annealed linearly from 0",
            PenaltyConfiguration.Variant.HINGE, "penalty with hinge (G = entropy of the smoothed target)");
}
