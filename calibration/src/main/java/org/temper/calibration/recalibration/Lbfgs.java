package org.temper.calibration.recalibration;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4, memory {@value #MEMORY}) for the smooth
 * convex fits of this package. Written here because the one optimisation library at hand,
 * Apache Commons Math 3.6.1, has no quasi-Newton method, and its nonlinear conjugate gradient
 * stops on small changes of the objective, which says nothing about how far the minimum is.
 *
 * <p><b>Stopping rule:</b> every component of the gradient is at most its tolerance in size
 * (callers scale it with the curvature a penalty adds, as a penalty c (theta - theta0)^2 turns
 * a rounding of theta into a gradient of 2 c ulp(theta)). <b>Line search:</b> from step 1 (the first iteration from 1 / |g|_inf), halving until
 * either the Armijo condition f(x + t d) &lt;= f(x) + 1e-4 t g'd holds or the slope g(x + t d)'d
 * is still &lt;= 0, which for a convex f proves that f fell although rounding may hide it (near
 * the minimum f changes by less than its last bit while the gradient is still accurate).
 * A pair (s, y) with s'y &lt;= 0 is not stored. Deterministic: the same start gives the same
 * iterates.
 */
final class Lbfgs {

    /** Pairs (s, y) kept. */
    static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int HALVINGS = 60;

    /** A smooth convex function of n variables. */
    interface Objective {
        /**
         * @param x the point, not modified
         * @param gradient receives the gradient at x
         * @return the value at x
         */
        double evaluate(double[] x, double[] gradient);
    }

    private Lbfgs() {
    }

    /**
     * @param method the method's name, for the message
     * @param f the objective
     * @param start the starting point, not modified
     * @param tolerance the largest |gradient component| accepted at the minimum, per component
     * @param maxIterations iterations before giving up
     * @return the minimising point
     * @throws IllegalStateException naming the method if the gradient does not fall below the
     *         tolerance within maxIterations, or the objective is not finite at the start
     */
    static double[] minimise(String method, Objective f, double[] start, double[] tolerance, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            throw new IllegalStateException(method + ": the objective is " + fx + " at the start");
        }
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] next = new double[n];
        double[] nextGradient = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double norm = maxAbs(g);
            if (converged(g, tolerance)) {
                return x;
            }
            // two-loop recursion: d = -H g
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int j = 0; j < stored; j++) {
                int m = Math.floorMod(newest - j, MEMORY);
                alpha[m] = rho[m] * dot(s[m], d);
                axpy(-alpha[m], y[m], d);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            }
            for (int j = stored - 1; j >= 0; j--) {
                int m = Math.floorMod(newest - j, MEMORY);
                double beta = rho[m] * dot(y[m], d);
                axpy(alpha[m] - beta, s[m], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
                stored = 0;
            }
            double t = stored == 0 && iteration == 0 ? 1 / norm : 1;
            double fNext = Double.NaN;
            boolean accepted = false;
            for (int h = 0; h < HALVINGS; h++, t /= 2) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] + t * d[i];
                }
                fNext = f.evaluate(next, nextGradient);
                accepted = fNext <= fx + ARMIJO * t * slope
                        || (Double.isFinite(fNext) && dot(nextGradient, d) <= 0);
                if (accepted) {
                    break;
                }
            }
            if (!accepted) {
                throw new IllegalStateException(method + ": no step along the search direction lowers the "
                        + "objective after " + iteration + " iterations (largest gradient component " + norm + ")");
            }
            double[] sNew = new double[n];
            double[] yNew = new double[n];
            for (int i = 0; i < n; i++) {
                sNew[i] = next[i] - x[i];
                yNew[i] = nextGradient[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 0) {
                newest = (newest + 1) % MEMORY;
                s[newest] = sNew;
                y[newest] = yNew;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(nextGradient, 0, g, 0, n);
            fx = fNext;
        }
        throw new IllegalStateException(method + " did not converge in " + maxIterations
                + " iterations: the largest gradient component is still " + maxAbs(g) + "; the held-out "
                + "scores may separate the classes, so that no finite parameters minimise the loss");
    }

    private static boolean converged(double[] g, double[] tolerance) {
        for (int i = 0; i < g.length; i++) {
            if (!(Math.abs(g[i]) <= tolerance[i])) {
                return false;
            }
        }
        return true;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
