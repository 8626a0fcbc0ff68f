package org.temper.calibration.recalibration;

import org.temper.calibration.Predictions;

/**
 * A post-hoc recalibration method: fitted on held-out predictions and labels (not the test
 * set), it gives a {@link CalibrationMap} for new predictions of the same K classes.
 * Implementations are immutable and their fits deterministic.
 */
public interface Calibrator {

    /** @return the method's name and settings, such as {@code "histogram binning (equal-mass, 10 bins)"} */
    String name();

    /**
     * Fits the method.
     * @param heldOut held-out logits or probabilities with their labels
     * @return the fitted map
     * @throws IllegalArgumentException naming the problem if the held-out set has one class only,
     *         fewer examples than the method needs, or values the method cannot use
     */
    CalibrationMap fit(Predictions heldOut);

    /**
     * The checks of {@link #fit(Predictions)} that depend on the labels alone, which {@code fit} makes first: so
     * that a wrapper can make them on a held-out part before training the model whose outputs it will fit on.
     * @param labels the held-out labels, each in [0, classes)
     * @param classes K
     * @throws IllegalArgumentException as {@code fit} would, naming the method: fewer examples than it needs, one
     *         class only, a class it needs that never occurs, more classes than it takes
     */
    void checkLabels(int[] labels, int classes);
}
