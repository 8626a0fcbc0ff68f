package org.temper.tribuo.calibration;

import org.temper.calibration.BinTable;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.TextTables;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.chart.ReliabilityDiagram;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.evaluation.Evaluation;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.EvaluationProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The calibration of a model on some data: every chosen metric (also as Tribuo metric ids, for
 * EvaluationAggregator), the per-bin table behind ECE, and the reliability diagram as PNG or SVG.
 */
public final class CalibrationEvaluation implements Evaluation<Label> {

    private final Map<MetricID<Label>, Double> results;
    private final CalibrationContext context;
    private final EvaluationProvenance provenance;

    /**
     * @param results the metric values by Tribuo id
     * @param context the predictions and their report
     * @param provenance model and data provenance
     */
    CalibrationEvaluation(Map<MetricID<Label>, Double> results, CalibrationContext context,
                          EvaluationProvenance provenance) {
        this.results = Collections.unmodifiableMap(results);
        this.context = context;
        this.provenance = provenance;
    }

    /**
     * @param metric a calibration metric
     * @return its Tribuo id, as used by {@link #asMap()} and EvaluationAggregator
     */
    public static MetricID<Label> id(Metric metric) {
        return new MetricID<>(MetricTarget.<Label>macroAverageTarget(), metric.key());
    }

    /**
     * @param metric a metric that was chosen
     * @return its value
     */
    public double value(Metric metric) {
        return context.report().value(metric);
    }

    /** @return the expected calibration error over equal-width bins. */
    public double ece() {
        return value(Metric.ECE);
    }

    /** @return the whole calibration report (bootstrap intervals included when asked for). */
    public CalibrationReport report() {
        return context.report();
    }

    /** @return the equal-width bins: range, count, mean confidence and accuracy of each. */
    public BinTable bins() {
        return context.report().equalWidthBins();
    }

    /**
     * Draws the reliability diagram: accuracy against confidence per bin, the diagonal, the gaps and
     * the count of examples per bin.
     * @param file a .png or .svg file
     * @param title the chart's title
     * @throws IOException when the file cannot be written
     */
    public void writeReliabilityDiagram(Path file, String title) throws IOException {
        ChartFiles.write(ReliabilityDiagram.chart(title, context.getModel().getName(), context.report()), file, 800, 600);
    }

    @Override
    public Map<MetricID<Label>, Double> asMap() {
        return results;
    }

    @Override
    public List<Prediction<Label>> getPredictions() {
        return context.getPredictions();
    }

    @Override
    public EvaluationProvenance getProvenance() {
        return provenance;
    }

    /** @return the metrics and the bin table as text. */
    @Override
    public String toString() {
        return TextTables.metrics(context.report()) + "\n" + TextTables.bins(bins());
    }
}
