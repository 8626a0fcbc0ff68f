package org.temper.weka;

import ai.onnxruntime.OrtException;
import org.temper.onnx.program.ModelSignature;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;

import java.io.Serializable;
import java.nio.FloatBuffer;

/**
 * A trained network as Weka stores it: the ONNX inference model's bytes and how to call it. The
 * ONNX Runtime session is not serialized; it is opened on first use, also after a model was read
 * back from a Weka .model file, and shared by all threads (predictions are thread-safe).
 */
public final class NetworkModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] onnx;
    private final int inputWidth;
    private final int numClasses;
    private final String device;
    private final int threads;
    private transient volatile Predictor predictor;

    /**
     * @param onnx the serialized ONNX inference model (Temper's signature)
     * @param inputWidth columns of an encoded row
     * @param numClasses number of classes
     * @param device where predictions run: cpu, cuda or cuda:N
     * @param threads ONNX Runtime threads per operator, 0 for one per core
     */
    public NetworkModel(byte[] onnx, int inputWidth, int numClasses, String device, int threads) {
        this.onnx = onnx.clone();
        this.inputWidth = inputWidth;
        this.numClasses = numClasses;
        this.device = device;
        this.threads = threads;
    }

    /** @return a copy of the ONNX model's bytes. */
    public byte[] onnx() {
        return onnx.clone();
    }

    /**
     * @param rows n encoded rows, row-major
     * @param n number of rows
     * @return n class-probability rows (softmax of the logits)
     * @throws OrtException when ONNX Runtime fails
     */
    public double[][] probabilities(FloatBuffer rows, int n) throws OrtException {
        float[] logits = predictor().logits(rows, n);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Softmax.of(logits, i * numClasses, numClasses);
        }
        return out;
    }

    private Predictor predictor() throws OrtException {
        Predictor p = predictor;
        if (p == null) {
            synchronized (this) {
                p = predictor;
                if (p == null) {
                    p = new Predictor(onnx, ModelSignature.temper(new long[] {inputWidth}, numClasses),
                            new ExecutionSettings(Device.parse(device), threads));
                    predictor = p;
                }
            }
        }
        return p;
    }
}
