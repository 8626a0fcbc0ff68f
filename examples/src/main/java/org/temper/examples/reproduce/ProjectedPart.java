package org.temper.examples.reproduce;

import org.temper.calibration.analysis.PenultimateProjection;

/**
 * Penultimate activations of one set of examples of the three classes, projected onto the plane of
 * their templates, with the shape of their clusters.
 *
 * @param classes each example's class as 0, 1 or 2 (the position of its class among the three)
 * @param u each example's first coordinate
 * @param v each example's second coordinate
 * @param shape how tight and evenly spaced the clusters are
 */
public record ProjectedPart(int[] classes, double[] u, double[] v, ClusterShape shape) {

    /**
     * @param plane the plane of the three templates
     * @param activations row-major penultimate activations, one row per example
     * @param classes each example's class as 0, 1 or 2
     * @return the projected examples
     */
    static ProjectedPart of(PenultimateProjection plane, float[] activations, int[] classes) {
        int width = activations.length / classes.length;
        double[] u = new double[classes.length];
        double[] v = new double[classes.length];
        double[] a = new double[width];
        for (int i = 0; i < classes.length; i++) {
            for (int j = 0; j < width; j++) {
                a[j] = activations[i * width + j];
            }
            double[] uv = plane.coordinates(a);
            u[i] = uv[0];
            v[i] = uv[1];
        }
        return new ProjectedPart(classes, u, v, ClusterShape.of(u, v, classes));
    }

    /** @return the (u, v) coordinates of every example, for the plot */
    double[][] points() {
        double[][] p = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            p[i] = new double[] {u[i], v[i]};
        }
        return p;
    }
}
