package org.temper.calibration.analysis;

/**
 * The plane through three class templates (rows w1, w2, w3 of the final layer's weight matrix)
 * and the coordinates of penultimate activations in it. The columns d1 = w1 - w3 and
 * d2 = w2 - w3 are factored as [d1 d2] = Q R (thin QR, R with a positive diagonal, computed by
 * modified Gram-Schmidt); Q's columns u, v are an orthonormal basis of the plane, and an
 * activation a maps to (a.u, a.v). Immutable.
 */
public final class PenultimateProjection {

    private final double[] u;
    private final double[] v;
    private final double[][] templates;

    private PenultimateProjection(double[] u, double[] v, double[][] templates) {
        this.u = u;
        this.v = v;
        this.templates = templates;
    }

    /**
     * @param w1 template of the first class
     * @param w2 template of the second class
     * @param w3 template of the third class
     * @return the projection onto their plane
     * @throws IllegalArgumentException if lengths differ or the three templates are collinear
     */
    public static PenultimateProjection of(double[] w1, double[] w2, double[] w3) {
        int d = w1.length;
        if (w2.length != d || w3.length != d) {
            throw new IllegalArgumentException("templates have different lengths: " + d + ", "
                    + w2.length + ", " + w3.length);
        }
        double[] q1 = new double[d];
        double[] q2 = new double[d];
        for (int j = 0; j < d; j++) {
            q1[j] = w1[j] - w3[j];
            q2[j] = w2[j] - w3[j];
        }
        double r11 = norm(q1);
        if (r11 == 0) {
            throw new IllegalArgumentException("templates 1 and 3 are equal: they span no plane");
        }
        scale(q1, 1 / r11);
        double r12 = dot(q1, q2);
        for (int j = 0; j < d; j++) {
            q2[j] -= r12 * q1[j];
        }
        double r22 = norm(q2);
        if (r22 <= 1e-12 * Math.max(r11, Math.abs(r12))) {
            throw new IllegalArgumentException("the three templates are collinear: they span no plane");
        }
        scale(q2, 1 / r22);
        return new PenultimateProjection(q1, q2, new double[][] {w1.clone(), w2.clone(), w3.clone()});
    }

    /**
     * @param activation a penultimate activation, as long as the templates
     * @return its coordinates (a.u, a.v) in the plane
     */
    public double[] coordinates(double[] activation) {
        if (activation.length != u.length) {
            throw new IllegalArgumentException("activation has length " + activation.length
                    + ", templates have " + u.length);
        }
        return new double[] {dot(activation, u), dot(activation, v)};
    }

    /**
     * @param template 0, 1 or 2
     * @return the coordinates of that template, to mark it on a plot
     */
    public double[] templateCoordinates(int template) {
        return coordinates(templates[template]);
    }

    /** @return u, the first basis vector: (w1 - w3) / |w1 - w3| */
    public double[] u() {
        return u.clone();
    }

    /** @return v, the second basis vector, orthogonal to u */
    public double[] v() {
        return v.clone();
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double factor) {
        for (int j = 0; j < a.length; j++) {
            a[j] *= factor;
        }
    }
}
