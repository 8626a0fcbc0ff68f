package org.temper.onnx.program;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.OrtRuntime;
import org.temper.onnx.runtime.OrtThreads;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Computes logits with an open inference session, in batches so that memory stays bounded.
 * Thread-safe: ONNX Runtime sessions may be run concurrently.
 */
public final class Predictor implements AutoCloseable {

    /** Examples per ONNX Runtime call. */
    public static final int DEFAULT_BATCH = 2048;

    private final OrtSession session;
    private final ModelSignature signature;

    /**
     * @param model serialized inference model
     * @param signature its input and logits names and shapes
     * @param settings device and threads
     * @throws OrtException when ONNX Runtime rejects the model
     */
    public Predictor(byte[] model, ModelSignature signature, ExecutionSettings settings) throws OrtException {
        this.session = OrtRuntime.open(model, settings);
        this.signature = signature;
    }

    /** @return the number of classes. */
    public int numClasses() {
        return signature.numClasses();
    }

    /**
     * @param features n examples, row-major
     * @param n number of examples
     * @param extraInputs further inputs given to every call (e.g. parameters), not closed
     * @return n * K logits, row-major
     * @throws OrtException on failure
     */
    public float[] logits(FloatBuffer features, int n, Map<String, OnnxTensor> extraInputs) throws OrtException {
        return OrtThreads.run(() -> computeLogits(features, n, extraInputs));
    }

    private float[] computeLogits(FloatBuffer features, int n, Map<String, OnnxTensor> extraInputs)
            throws OrtException {
        int numClasses = signature.numClasses();
        int exampleSize = signature.exampleSize();
        long[] exampleShape = signature.exampleShape();
        float[] out = new float[Math.multiplyExact(n, numClasses)];
        FloatBuffer all = features.duplicate();
        long[] shape = new long[exampleShape.length + 1];
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        for (int start = 0; start < n; start += DEFAULT_BATCH) {
            int count = Math.min(DEFAULT_BATCH, n - start);
            shape[0] = count;
            FloatBuffer slice = all.slice(all.position() + start * exampleSize, count * exampleSize);
            Map<String, OnnxTensor> inputs = new HashMap<>(extraInputs);
            try (OnnxTensor x = OnnxTensor.createTensor(OrtRuntime.environment(), slice, shape)) {
                inputs.put(signature.input(), x);
                try (OrtSession.Result r = session.run(inputs, Set.of(signature.logits()))) {
                    ((OnnxTensor) r.get(0)).getFloatBuffer().get(out, start * numClasses, count * numClasses);
                }
            }
        }
        return out;
    }

    /**
     * @param features n examples, row-major
     * @param n number of examples
     * @return n * K logits, row-major
     * @throws OrtException on failure
     */
    public float[] logits(FloatBuffer features, int n) throws OrtException {
        return logits(features, n, Map.of());
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
