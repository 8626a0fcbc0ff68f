package org.temper.onnx.fit;

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
 */
public record EpochReport(int epoch, int epochs, double loss, double trainAccuracy, double validationAccuracy,
                          double validationLoss, double learningRate, double seconds) {
}
