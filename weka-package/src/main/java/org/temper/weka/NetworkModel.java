package org.temper.weka;

import ai.onnxruntime.OrtException;
import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.SavedModel;
import org.temper.onnx.runtime.ExecutionSettings;

import java.io.IOException;
import java.io.Serializable;
import java.nio.FloatBuffer;

/**
 * A trained network as Weka stores it: the ONNX inference model's bytes (input standardisation
 * included) and where it runs. Predictions go through the engine's {@link ModelSession}, which is
 * not serialized: it opens on first use, also after a model was read back from a Weka .model file,
 * is shared by all threads, and is released when the classifier is garbage-collected.
 */
public final class NetworkModel implements Serializable {

    private static final long serialVersionUID = 2L;

    private final byte[] onnx;
    private final String device;
    private final int threads;
    private transient volatile ModelSession session;

    /**
     * @param onnx the serialized ONNX inference model (Temper's signature)
     * @param device where predictions run: cpu, cuda or cuda:N
     * @param threads ONNX Runtime threads per operator, 0 for the shared pool
     */
    public NetworkModel(byte[] onnx, String device, int threads) {
        this.onnx = onnx.clone();
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
     * @return n class-probability rows
     * @throws OrtException when ONNX Runtime fails
     */
    public double[][] probabilities(FloatBuffer rows, int n) throws OrtException {
        ModelSession s = session();
        float[] p = s.probabilities(rows, n);
        int k = s.numClasses();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i][c] = p[i * k + c];
            }
        }
        return out;
    }

    private ModelSession session() {
        ModelSession s = session;
        if (s == null) {
            synchronized (this) {
                s = session;
                if (s == null) {
                    SavedModel saved;
                    try {
                        saved = ModelFiles.parse(onnx, "the stored network");
                    } catch (IOException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                    s = saved.session(new ExecutionSettings(org.temper.onnx.runtime.Device.parse(device), threads));
                    session = s;
                }
            }
        }
        return s;
    }
}
