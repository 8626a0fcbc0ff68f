package org.temper.examples.reproduce;

import org.temper.calibration.Predictions;
import org.temper.onnx.fit.EpochReport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One finished configuration: a network trained with one alpha and one seed, measured on the test
 * set, with the temperatures fitted on the held-out images. Stored as JSON (its test logits as
 * little-endian float32 in base64) so that a rerun reads it back instead of training again.
 *
 * @param alpha label smoothing's strength (0 = hard targets)
 * @param seed the recipe's seed
 * @param seconds wall-clock seconds of training and measuring
 * @param accuracy test accuracy
 * @param ece test ECE (15 equal-width bins)
 * @param nll test NLL
 * @param meanConfidence mean largest test probability
 * @param temperatureNll T fitted by NLL on the held-out images
 * @param eceAfterNll test ECE after scaling by temperatureNll
 * @param temperatureEce T fitted by ECE on a grid (0.05 to 5 by 0.01) on the held-out images
 * @param eceAfterEce test ECE after scaling by temperatureEce
 * @param history one report per epoch
 * @param classes number of classes
 * @param testLabels the test labels
 * @param testLogits the test logits, row-major float32, little-endian
 */
public record Trial(double alpha, long seed, double seconds, double accuracy, double ece, double nll,
                    double meanConfidence, double temperatureNll, double eceAfterNll, double temperatureEce,
                    double eceAfterEce, List<EpochReport> history, int classes, int[] testLabels, byte[] testLogits) {

    /** Copies the history. */
    public Trial {
        history = List.copyOf(history);
    }

    /**
     * @param logits row-major logits
     * @return them as little-endian float32 bytes
     */
    static byte[] pack(float[] logits) {
        ByteBuffer b = ByteBuffer.allocate(4 * logits.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(logits);
        return b.array();
    }

    /** @return the test predictions, for reliability diagrams */
    Predictions testPredictions() {
        var floats = ByteBuffer.wrap(testLogits).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        double[] z = new double[floats.remaining()];
        for (int i = 0; i < z.length; i++) {
            z[i] = floats.get(i);
        }
        return Predictions.fromLogits(z, testLabels, classes);
    }
}
