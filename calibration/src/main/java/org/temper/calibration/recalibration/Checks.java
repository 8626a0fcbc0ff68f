package org.temper.calibration.recalibration;

import org.temper.calibration.Predictions;

/** The checks every calibrator makes on its input, with messages naming the problem. */
final class Checks {

    private Checks() {
    }

    /**
     * @param method the method's name, for the message
     * @param heldOut the fitting data
     * @param minimum the fewest examples the method needs
     * @throws IllegalArgumentException if there are fewer examples or only one class
     */
    static void heldOut(String method, Predictions heldOut, int minimum) {
        if (heldOut.size() < minimum) {
            throw new IllegalArgumentException(method + " needs at least " + minimum
                    + " held-out examples, got " + heldOut.size());
        }
        int first = heldOut.label(0);
        for (int i = 1; i < heldOut.size(); i++) {
            if (heldOut.label(i) != first) {
                return;
            }
        }
        throw new IllegalArgumentException(method + " needs held-out examples of at least two "
                + "classes, but every one of the " + heldOut.size() + " is labelled " + first);
    }

    /**
     * @param method the method's name, for the message
     * @param heldOut the fitting data
     * @param why what goes wrong without the class, for the message
     * @throws IllegalArgumentException naming the first class that no held-out example has
     */
    static void everyClass(String method, Predictions heldOut, String why) {
        boolean[] seen = new boolean[heldOut.classes()];
        for (int i = 0; i < heldOut.size(); i++) {
            seen[heldOut.label(i)] = true;
        }
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException(method + " needs held-out examples of every class, but class "
                        + k + " of " + seen.length + " never occurs among the " + heldOut.size() + ": " + why);
            }
        }
    }

    /**
     * @param fitted the number of classes a map was fitted on
     * @param predictions what it is asked to calibrate
     * @throws IllegalArgumentException if the numbers of classes differ
     */
    static void classes(int fitted, Predictions predictions) {
        if (predictions.classes() != fitted) {
            throw new IllegalArgumentException("this map was fitted on " + fitted
                    + " classes but is given predictions of " + predictions.classes());
        }
    }
}
