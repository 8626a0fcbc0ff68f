package org.temper.calibration.recalibration;

import org.temper.calibration.Predictions;

/** The checks every calibrator makes on its input, with messages naming the problem. */
final class Checks {

    private Checks() {
    }

    /**
     * @param heldOut the fitting data
     * @return its labels
     */
    static int[] labels(Predictions heldOut) {
        int[] labels = new int[heldOut.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = heldOut.label(i);
        }
        return labels;
    }

    /**
     * @param method the method's name, for the message
     * @param labels the fitting data's labels
     * @param minimum the fewest examples the method needs
     * @throws IllegalArgumentException if there are fewer examples or only one class
     */
    static void heldOut(String method, int[] labels, int minimum) {
        if (labels.length < minimum) {
            throw new IllegalArgumentException(method + " needs at least " + minimum
                    + " held-out examples, got " + labels.length);
        }
        int first = labels[0];
        for (int label : labels) {
            if (label != first) {
                return;
            }
        }
        throw new IllegalArgumentException(method + " needs held-out examples of at least two "
                + "classes, but every one of the " + labels.length + " is labelled " + first);
    }

    /**
     * @param method the method's name, for the message
     * @param labels the fitting data's labels, each in [0, classes)
     * @param classes K
     * @param why what goes wrong without the class, for the message
     * @throws IllegalArgumentException naming the first class that no held-out example has
     */
    static void everyClass(String method, int[] labels, int classes, String why) {
        boolean[] seen = new boolean[classes];
        for (int label : labels) {
            seen[label] = true;
        }
        for (int k = 0; k < seen.length; k++) {
            if (!seen[k]) {
                throw new IllegalArgumentException(method + " needs held-out examples of every class, but class "
                        + k + " of " + seen.length + " never occurs among the " + labels.length + ": " + why);
            }
        }
    }

    /**
     * @param method the method's name, for the message
     * @param classes K
     * @param oneVsRest the method's name for more than two classes, for the message
     * @throws IllegalArgumentException if K &gt; 2
     */
    static void twoClasses(String method, int classes, String oneVsRest) {
        if (classes > 2) {
            throw new IllegalArgumentException(method + " is for two classes, but the held-out predictions have "
                    + classes + ": use " + oneVsRest);
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
