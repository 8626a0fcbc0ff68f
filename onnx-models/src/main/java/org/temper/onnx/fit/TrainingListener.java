package org.temper.onnx.fit;

/**
 * Observes a training run: the command line's progress bar, Tribuo's logging and Weka's log and
 * status line all attach one. Every method has an empty default. Calls come from the training
 * thread.
 */
public interface TrainingListener {

    /**
     * Training starts.
     * @param epochs epochs planned
     * @param stepsPerEpoch steps in each epoch
     * @param examples training examples
     */
    default void onStart(int epochs, int stepsPerEpoch, int examples) {
    }

    /**
     * Something about the run the user should know, that does not stop it (e.g. a setting adjusted to the data).
     * @param message one sentence
     */
    default void onNotice(String message) {
    }

    /**
     * Some steps of an epoch finished.
     * @param epoch 1-based epoch
     * @param stepsDone steps of this epoch done so far
     * @param stepsPerEpoch steps in the epoch
     * @param meanLoss mean loss of the epoch's steps so far
     */
    default void onSteps(int epoch, int stepsDone, int stepsPerEpoch, double meanLoss) {
    }

    /**
     * An epoch finished.
     * @param report its figures
     */
    default void onEpoch(EpochReport report) {
    }

    /**
     * Asked between ONNX Runtime calls.
     * @return true to stop training; the model trained so far is kept
     */
    default boolean stopRequested() {
        return false;
    }
}
