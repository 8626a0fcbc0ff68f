package org.temper.examples.reproduce;

/**
 * How tight and how evenly spaced three classes' clusters are in the plane of their templates, to
 * measure what the penultimate-layer picture shows. With c_k the centroid of class k's points:
 * the spread of class k is the root mean squared distance of its points to c_k; spread is the mean
 * of the three; the distances are |c_0 - c_1|, |c_0 - c_2|, |c_1 - c_2|; tightness = spread / mean
 * distance (small: tight clusters far apart); unevenness = (largest - smallest distance) / mean
 * distance (0: equidistant).
 *
 * @param spreads the spread of each class
 * @param distances the centroid distances 0-1, 0-2, 1-2
 * @param spread the mean spread
 * @param meanDistance the mean centroid distance
 * @param tightness spread / meanDistance
 * @param unevenness (max - min distance) / meanDistance
 */
public record ClusterShape(double[] spreads, double[] distances, double spread, double meanDistance,
                           double tightness, double unevenness) {

    /**
     * @param u the first coordinate of each point
     * @param v the second coordinate
     * @param classes each point's class: 0, 1 or 2
     * @return the clusters' shape
     * @throws IllegalArgumentException when the lengths differ or a class has no point
     */
    static ClusterShape of(double[] u, double[] v, int[] classes) {
        if (u.length != v.length || u.length != classes.length) {
            throw new IllegalArgumentException("need two coordinates and a class per point, got " + u.length + ", "
                    + v.length + ", " + classes.length);
        }
        double[][] centroids = new double[3][2];
        int[] counts = new int[3];
        for (int i = 0; i < u.length; i++) {
            counts[classes[i]]++;
            centroids[classes[i]][0] += u[i];
            centroids[classes[i]][1] += v[i];
        }
        for (int c = 0; c < 3; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no point");
            }
            centroids[c][0] /= counts[c];
            centroids[c][1] /= counts[c];
        }
        double[] squares = new double[3];
        for (int i = 0; i < u.length; i++) {
            double[] c = centroids[classes[i]];
            squares[classes[i]] += (u[i] - c[0]) * (u[i] - c[0]) + (v[i] - c[1]) * (v[i] - c[1]);
        }
        double[] spreads = new double[3];
        for (int c = 0; c < 3; c++) {
            spreads[c] = Math.sqrt(squares[c] / counts[c]);
        }
        double[] d = {distance(centroids[0], centroids[1]), distance(centroids[0], centroids[2]),
            distance(centroids[1], centroids[2])};
        double spread = (spreads[0] + spreads[1] + spreads[2]) / 3;
        double mean = (d[0] + d[1] + d[2]) / 3;
        double range = Math.max(d[0], Math.max(d[1], d[2])) - Math.min(d[0], Math.min(d[1], d[2]));
        return new ClusterShape(spreads, d, spread, mean, spread / mean, range / mean);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
