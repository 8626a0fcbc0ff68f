package org.temper.calibration.recalibration;

import org.temper.calibration.Predictions;

/**
 * Vector scaling (Guo et al. 2017): p = softmax(w * z + b), w and b of length K, elementwise,
 * fitted by minimising the mean NLL on the held-out data, unpenalised.
 *
 * <p>z is the logits as given; given probabilities it is ln max(p, 2^-52) (softmax of that is p),
 * and the map then takes probabilities only. The NLL is convex in (w, b) and does not change when
 * the same number is added to every b_k, so b is reported shifted to mean 0. Solved by L-BFGS
 * from w = 1, b = 0 (the map that changes nothing) until every component of the NLL's gradient
 * is at most {@value LinearSoftmaxMap#TOLERANCE} in size, failing after
 * {@value LinearSoftmaxMap#MAX_ITERATIONS} iterations (see {@code Lbfgs} for the line search).
 * The NLL after the fit is therefore at most that of the predictions as given.
 */
public final class VectorScaling implements Calibrator {

    private static final VectorScaling INSTANCE = new VectorScaling();

    private VectorScaling() {
    }

    /** @return vector scaling */
    public static VectorScaling create() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "vector scaling";
    }

    /**
     * {@inheritDoc} Needs at least 2 examples and every class among them (without an example of
     * class k, b_k would fall for ever).
     */
    @Override
    public CalibrationMap fit(Predictions heldOut) {
        checkLabels(Checks.labels(heldOut), heldOut.classes());
        int k = heldOut.classes();
        double[] none = new double[SoftmaxRegression.parameters(k, true)];
        return LinearSoftmaxMap.fit(name(), heldOut, LinearSoftmaxMap.Input.LOGITS, true, none, none);
    }

    @Override
    public void checkLabels(int[] labels, int classes) {
        Checks.heldOut(name(), labels, 2);
        Checks.everyClass(name(), labels, classes, "its intercept would fall without end; fit on more data, or use "
                + "matrix scaling, whose penalty keeps every parameter finite");
    }

    @Override
    public String toString() {
        return name();
    }
}
