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
}
