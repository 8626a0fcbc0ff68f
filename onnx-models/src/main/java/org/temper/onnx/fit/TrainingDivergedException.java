package org.temper.onnx.fit;

/** Thrown when the training loss becomes NaN or infinite; the message names the epoch and the learning rate. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param epoch 1-based epoch
     * @param step 1-based step within the epoch
     * @param loss the non-finite loss
     * @param learningRate the learning rate of that step
     */
    public TrainingDivergedException(int epoch, int step, double loss, double learningRate) {
        super("Training diverged in epoch " + epoch + " at step " + step + ": the loss is " + loss
                + " with learning rate " + learningRate + ". Lower the learning rate (e.g. to " + learningRate / 10
                + ") or clip gradients.");
    }
}
