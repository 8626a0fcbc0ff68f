package org.temper.calibration.recalibration;

import java.util.Arrays;

/**
 * The objective of vector scaling, matrix scaling and Dirichlet calibration: the mean
 * multinomial log-loss of u = W x + b (W diagonal or full K x K) plus a weighted L2 penalty
 * sum_j c_j (theta_j - theta0_j)^2 on the parameters theta = (W, b): W row-major (or its
 * diagonal), then b.
 */
final class SoftmaxRegression implements Lbfgs.Objective {

    private final double[] x;
    private final int[] labels;
    private final int classes;
    private final boolean diagonal;
    private final double[] weights;
    private final double[] centre;

    /**
     * @param x N*K features, row-major
     * @param labels N labels
     * @param classes K
     * @param diagonal whether W is diagonal (2K parameters) or full (K*K + K)
     * @param weights the penalty weight c_j of each parameter
     * @param centre the point theta0 the penalty pulls towards
     */
    SoftmaxRegression(double[] x, int[] labels, int classes, boolean diagonal, double[] weights, double[] centre) {
        this.x = x;
        this.labels = labels;
        this.classes = classes;
        this.diagonal = diagonal;
        this.weights = weights;
        this.centre = centre;
    }

    /** @return the number of parameters: 2K or K*K + K */
    static int parameters(int classes, boolean diagonal) {
        return diagonal ? 2 * classes : classes * classes + classes;
    }

    /** @return W = I, b = 0 in this layout: the map that changes nothing */
    static double[] identity(int classes, boolean diagonal) {
        double[] theta = new double[parameters(classes, diagonal)];
        for (int k = 0; k < classes; k++) {
            theta[diagonal ? k : k * classes + k] = 1;
        }
        return theta;
    }

    /**
     * u = W x + b for one row.
     * @param theta parameters
     * @param classes K
     * @param diagonal layout
     * @param x features, row-major
     * @param row the row
     * @param u receives the K values
     */
    static void linear(double[] theta, int classes, boolean diagonal, double[] x, int row, double[] u) {
        int base = row * classes;
        int bias = diagonal ? classes : classes * classes;
        for (int k = 0; k < classes; k++) {
            double sum = theta[bias + k];
            if (diagonal) {
                sum += theta[k] * x[base + k];
            } else {
                for (int j = 0; j < classes; j++) {
                    sum += theta[k * classes + j] * x[base + j];
                }
            }
            u[k] = sum;
        }
    }

    /**
     * Turns u into softmax(u) in place.
     * @param u K values
     * @return log sum_k exp(u_k)
     */
    static double softmaxInPlace(double[] u) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : u) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.exp(u[k] - max);
            sum += u[k];
        }
        for (int k = 0; k < u.length; k++) {
            u[k] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        int n = labels.length;
        int bias = diagonal ? classes : classes * classes;
        Arrays.fill(gradient, 0);
        double[] u = new double[classes];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            linear(theta, classes, diagonal, x, i, u);
            double y = u[labels[i]];
            loss += softmaxInPlace(u) - y;
            u[labels[i]] -= 1;
            int base = i * classes;
            for (int k = 0; k < classes; k++) {
                double r = u[k] / n;
                gradient[bias + k] += r;
                if (diagonal) {
                    gradient[k] += r * x[base + k];
                } else {
                    for (int j = 0; j < classes; j++) {
                        gradient[k * classes + j] += r * x[base + j];
                    }
                }
            }
        }
        double value = loss / n;
        for (int j = 0; j < theta.length; j++) {
            if (weights[j] != 0) {
                double d = theta[j] - centre[j];
                value += weights[j] * d * d;
                gradient[j] += 2 * weights[j] * d;
            }
        }
        return value;
    }
}
