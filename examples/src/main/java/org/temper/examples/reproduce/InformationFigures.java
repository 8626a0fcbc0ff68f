package org.temper.examples.reproduce;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.temper.calibration.chart.ChartFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The information experiment's figure, as PNG and SVG: I(X; Y) against the epoch for each net (mean
 * over seeds) with log N as the reference line, and beside it the two variances it is made of.
 */
final class InformationFigures {

    /** The figure's base name. */
    static final String NAME = "information";

    private static final Color[] COLOURS = {new Color(0x4E79A7), new Color(0xF28E2B)};

    private InformationFigures() {
    }

    /**
     * @param folder where the files go
     * @param title the data set's name
     * @param trials every trial
     * @param examples N
     * @return figure name to its PNG's file name (beside it the SVG)
     * @throws IOException when a file cannot be written
     */
    static Map<String, String> write(Path folder, String title, List<InformationTrial> trials, int examples)
            throws IOException {
        XYSeriesCollection information = new XYSeriesCollection();
        XYSeriesCollection variances = new XYSeriesCollection();
        for (double alpha : InformationExperiment.ALPHAS) {
            List<InformationTrial> of = trials.stream().filter(t -> t.alpha() == alpha).toList();
            String net = ProjectionReport.net(alpha);
            information.addSeries(series(net, of, MutualInformation::information));
            variances.addSeries(series(net + ": sigma² (within examples)", of, MutualInformation::noise));
            variances.addSeries(series(net + ": variance of the means", of, MutualInformation::signal));
        }
        int epochs = trials.get(0).information().size();
        XYSeries bound = new XYSeries("log N = log " + examples);
        bound.add(1, Math.log(examples));
        bound.add(epochs, Math.log(examples));
        information.addSeries(bound);
        JFreeChart left = chart(title + ": I(X; Y) of the logit difference, nats", "I(X; Y)", information);
        left.getXYPlot().getRenderer().setSeriesPaint(2, Color.GRAY);
        left.getXYPlot().getRenderer().setSeriesStroke(2, new BasicStroke(1.5f, BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        JFreeChart right = chart(title + ": its parts", "variance of the logit difference", variances);
        right.getXYPlot().setRangeAxis(new LogAxis("variance of the logit difference (log scale)"));
        for (int s = 0; s < 4; s++) {
            right.getXYPlot().getRenderer().setSeriesPaint(s, COLOURS[s / 2]);
            right.getXYPlot().getRenderer().setSeriesStroke(s, s % 2 == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 3f}, 0f));
        }
        List<JFreeChart> charts = List.of(left, right);
        Outputs.write(folder.resolve(NAME + ".png"), tmp -> ChartFiles.writeGrid(charts, 2, tmp, 1600, 650));
        Outputs.write(folder.resolve(NAME + ".svg"), tmp -> ChartFiles.writeGrid(charts, 2, tmp, 1600, 650));
        return Map.of(NAME, NAME + ".png");
    }

    /** @return the mean over the trials of one part of the estimate, per epoch */
    private static XYSeries series(String name, List<InformationTrial> trials,
                                   ToDoubleFunction<MutualInformation> part) {
        XYSeries s = new XYSeries(name);
        for (int e = 0; e < trials.get(0).information().size(); e++) {
            int at = e;
            s.add(e + 1, Stat.of(trials, t -> part.applyAsDouble(t.information().get(at).estimate())).mean());
        }
        return s;
    }

    private static JFreeChart chart(String title, String y, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", y, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < COLOURS.length; s++) {
            r.setSeriesPaint(s, COLOURS[s]);
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
