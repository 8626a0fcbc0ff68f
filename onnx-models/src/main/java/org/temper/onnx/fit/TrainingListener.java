package org.temper.onnx.fit;

import org.temper.onnx.model.TrainedNetwork;

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
     * Asked once when training starts: copying the parameters out of ONNX Runtime after every epoch
     * costs time and memory, so only listeners that ask are handed the network ({@link #onNetwork}).
     * @return true to receive the network after every epoch
     */
    default boolean wantsNetwork() {
        return false;
    }

    /**
     * The network as it stands after an epoch, right after {@link #onEpoch}; called only for a listener
     * whose {@link #wantsNetwork} says true.
     * @param report the epoch's figures
     * @param network its parameters after the epoch, behind the input standardisation of the run, if any
     */
    default void onNetwork(EpochReport report, TrainedNetwork network) {
    }

    /**
     * Asked between ONNX Runtime calls.
     * @return true to stop training; the model trained so far is kept
     */
    default boolean stopRequested() {
        return false;
    }
}
