package org.temper.calibration.temperature;

import org.temper.calibration.Predictions;

/**
 * The mean NLL of logits scaled by s = 1/T, with its first two derivatives in s:
 * f(s) = mean(log sum_k exp(s z_k) - s z_y), f'(s) = mean(E_p[z] - z_y), f''(s) = mean(Var_p[z]),
 * p = softmax(s z). f'' &gt;= 0, so f is convex in s.
 */
final class NllCurve {

    /** f, f' and f'' at one s. */
    record Point(double value, double slope, double curvature) {
    }

    private final Predictions predictions;
    private final double[] row;

    NllCurve(Predictions predictions) {
        this.predictions = predictions;
        this.row = new double[predictions.classes()];
    }

    Point at(double s) {
        double value = 0;
        double slope = 0;
        double curvature = 0;
        int n = predictions.size();
        for (int i = 0; i < n; i++) {
            predictions.logits(i, row);
            double max = row[0];
            for (double z : row) {
                max = Math.max(max, z);
            }
            double sum = 0;
            double first = 0;
            double second = 0;
            for (double z : row) {
                double d = z - max;
                double e = Math.exp(s * d);
                sum += e;
                first += e * d;
                second += e * d * d;
            }
            double mean = first / sum;
            double label = row[predictions.label(i)] - max;
            value += Math.log(sum) - s * label;
            slope += mean - label;
            curvature += second / sum - mean * mean;
        }
        return new Point(value / n, slope / n, curvature / n);
    }
}
