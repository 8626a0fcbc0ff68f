package org.temper.onnx.fit;

import java.util.Locale;

/**
 * What one epoch achieved.
 * @param epoch 1-based epoch number
 * @param epochs epochs planned
 * @param loss mean training loss over the epoch's steps
 * @param trainAccuracy mean batch accuracy over the epoch's steps (with dropout and augmentation active)
 * @param validationAccuracy accuracy on the validation data, NaN without validation data
 * @param validationLoss mean cross-entropy on the validation data, NaN without validation data
 * @param learningRate the base learning rate of the epoch's last step
 * @param seconds wall-clock seconds of the epoch, validation included
 * @param hostBytes bytes the epoch's training runs moved between host and device on a CUDA device
 *                  (every input in, every output out: the data set, parameters and optimizer state each run)
 */
public record EpochReport(int epoch, int epochs, double loss, double trainAccuracy, double validationAccuracy,
                          double validationLoss, double learningRate, double seconds, long hostBytes) {

    /** @return one line for logs: loss, training accuracy, validation figures only when there are any, time */
    public String describe() {
        String validation = Double.isNaN(validationAccuracy) ? ""
                : String.format(Locale.ROOT, ", validation accuracy %.2f%% (loss %.4f)",
                100 * validationAccuracy, validationLoss);
        return String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, training accuracy %.2f%%%s, %.2f s", epoch,
                epochs, loss, 100 * trainAccuracy, validation, seconds);
    }
}
