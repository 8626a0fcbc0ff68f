package org.temper.onnx.fit;

import java.util.Locale;

/**
 * Thrown when the training loss becomes NaN or infinite, or grows far above its start; the message
 * names the epoch and the learning rate.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param epoch 1-based epoch
     * @param step 1-based step within the epoch
     * @param loss the loss that diverged
     * @param learningRate the learning rate of that step
     */
    public TrainingDivergedException(int epoch, int step, double loss, double learningRate) {
        super(String.format(Locale.ROOT, "Training diverged in epoch %d at step %d: the loss is %s with"
                + " learning rate %.4g. Lower the learning rate (e.g. to %.4g) or clip gradients.", epoch, step, loss,
                learningRate, learningRate / 10));
    }
}
