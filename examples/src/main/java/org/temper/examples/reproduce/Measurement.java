package org.temper.examples.reproduce;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;

/**
 * A network's figures on one set of examples, as every experiment reports them: accuracy, ECE (15
 * equal-width bins, as the papers), NLL, mean confidence and the mean entropy of the predicted
 * distributions (natural log).
 *
 * @param accuracy the fraction predicted right
 * @param ece the expected calibration error
 * @param nll mean -log p_y
 * @param meanConfidence mean largest probability
 * @param meanEntropy mean of -sum_k p_k log p_k
 */
public record Measurement(double accuracy, double ece, double nll, double meanConfidence, double meanEntropy) {

    /** The papers' calibration settings (15 equal-width bins) with the metrics measured here. */
    static final CalibrationSettings SETTINGS = CalibrationSettings.defaults()
            .withMetrics(Metric.ACCURACY, Metric.ECE, Metric.NLL, Metric.MEAN_CONFIDENCE);

    /**
     * @param predictions the network's predictions and the labels
     * @return their figures
     */
    static Measurement of(Predictions predictions) {
        CalibrationReport r = CalibrationReport.of(predictions, SETTINGS);
        return new Measurement(r.value(Metric.ACCURACY), r.value(Metric.ECE), r.value(Metric.NLL),
                r.value(Metric.MEAN_CONFIDENCE), meanEntropy(predictions));
    }

    /**
     * @param predictions predictions
     * @return the mean entropy of their probability vectors, in nats (0 log 0 = 0)
     */
    static double meanEntropy(Predictions predictions) {
        double[] p = new double[predictions.classes()];
        double sum = 0;
        for (int i = 0; i < predictions.size(); i++) {
            predictions.probabilities(i, p);
            for (double pk : p) {
                sum -= pk > 0 ? pk * Math.log(pk) : 0;
            }
        }
        return sum / predictions.size();
    }
}
