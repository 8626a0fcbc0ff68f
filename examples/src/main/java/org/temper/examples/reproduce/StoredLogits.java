package org.temper.examples.reproduce;

import org.temper.calibration.Predictions;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A network's logits on a set of examples with their labels, as a trial file keeps them (the logits
 * as little-endian float32, base64 in the JSON) so that a report can be redrawn without the network.
 *
 * @param classes the number of classes
 * @param labels the labels
 * @param logits the row-major logits, little-endian float32
 */
public record StoredLogits(int classes, int[] labels, byte[] logits) {

    /**
     * @param logits row-major logits
     * @param predictions the same examples' predictions (their labels and class count are kept)
     * @return them packed
     */
    static StoredLogits of(float[] logits, Predictions predictions) {
        ByteBuffer b = ByteBuffer.allocate(4 * logits.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(logits);
        int[] labels = new int[predictions.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = predictions.label(i);
        }
        return new StoredLogits(predictions.classes(), labels, b.array());
    }

    /** @return the logits as float32 values */
    float[] floats() {
        var floats = ByteBuffer.wrap(logits).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] z = new float[floats.remaining()];
        floats.get(z);
        return z;
    }

    /** @return the predictions, for reliability diagrams and refits */
    Predictions predictions() {
        return TrialRunner.predictions(floats(), labels, classes);
    }
}
