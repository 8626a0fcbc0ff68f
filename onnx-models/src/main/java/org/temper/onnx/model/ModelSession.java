package org.temper.onnx.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.temper.onnx.runtime.DeviceMemoryException;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.OrtRuntime;
import org.temper.onnx.runtime.OrtThreads;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The one way Temper runs a classifier model: logits, probabilities and penultimate activations of
 * examples, in batches of {@value #BATCH} so that memory stays bounded. The ONNX Runtime session opens
 * at the first call. Thread-safe: any number of threads may predict at once, and {@link #close} waits
 * for the calls in flight to finish, after which every call fails with an IllegalStateException
 * (never a crash in native code). A session that is never closed is released when it becomes
 * unreachable. With the default thread count it runs on ONNX Runtime's process-wide thread pools
 * ({@link OrtRuntime}), so open sessions add no native threads. A call that exhausts the device's
 * memory is a {@link DeviceMemoryException} naming the batch size; the session stays usable.
 */
public final class ModelSession implements AutoCloseable {

    /** One run of the open session: ONNX Runtime's own, or a stand-in for a failing provider in tests. */
    @FunctionalInterface
    interface Runner {
        /**
         * @param session the open session
         * @param inputs the run's inputs by name
         * @param outputs the outputs wanted
         * @return those outputs
         * @throws OrtException on failure
         */
        OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> inputs, Set<String> outputs)
                throws OrtException;
    }

    /** Examples per ONNX Runtime call. */
    public static final int BATCH = 2048;

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "temper-session-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final byte[] model;
    private final String source;
    private final ModelSignature signature;
    private final ExecutionSettings settings;
    private final Runner runner;
    private final NativeSession state = new NativeSession();
    private final Cleaner.Cleanable cleanable;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * @param model serialized inference model (not copied: the caller does not change it)
     * @param signature its input and output names and shapes
     * @param settings device and threads
     */
    public ModelSession(byte[] model, ModelSignature signature, ExecutionSettings settings) {
        this(model, "the model", signature, settings);
    }

    /**
     * @param model serialized inference model (not copied: the caller does not change it)
     * @param source how to name the model in messages (its file)
     * @param signature its input and output names and shapes
     * @param settings device and threads
     */
    public ModelSession(byte[] model, String source, ModelSignature signature, ExecutionSettings settings) {
        this(model, source, signature, settings, OrtSession::run);
    }

    ModelSession(byte[] model, String source, ModelSignature signature, ExecutionSettings settings, Runner runner) {
        this.model = model;
        this.source = source;
        this.signature = signature;
        this.settings = settings;
        this.runner = runner;
        this.cleanable = CLEANER.register(this, state);
    }

    /** @return how the model is called. */
    public ModelSignature signature() {
        return signature;
    }

    /** @return the number of classes. */
    public int numClasses() {
        return signature.numClasses();
    }

    /**
     * @param features n examples, row-major, from the buffer's position
     * @param n number of examples
     * @return n * K logits, row-major
     * @throws OrtException when ONNX Runtime fails
     * @throws DeviceMemoryException when the device ran out of memory
     */
    public float[] logits(FloatBuffer features, int n) throws OrtException {
        return logits(features, n, Map.of());
    }

    /**
     * @param features n examples, row-major
     * @param n number of examples
     * @param extraInputs further inputs given to every call (e.g. parameters), not closed
     * @return n * K logits, row-major
     * @throws OrtException when ONNX Runtime fails
     */
    public float[] logits(FloatBuffer features, int n, Map<String, OnnxTensor> extraInputs) throws OrtException {
        return run(features, n, signature.logits(), extraInputs);
    }

    /**
     * @param features n examples, row-major
     * @param n number of examples
     * @return n * K class probabilities, row-major: the model's probabilities output, or the softmax of
     *         its logits when it has none
     * @throws OrtException when ONNX Runtime fails
     */
    public float[] probabilities(FloatBuffer features, int n) throws OrtException {
        if (signature.probabilities() != null) {
            return run(features, n, signature.probabilities(), Map.of());
        }
        float[] p = logits(features, n);
        int k = numClasses();
        for (int i = 0; i < n; i++) {
            softmaxInPlace(p, i * k, k);
        }
        return p;
    }

    /**
     * @param features n examples, row-major
     * @param n number of examples
     * @return n * H activations of the layer before the logits, row-major
     * @throws OrtException when ONNX Runtime fails
     * @throws IllegalStateException when the model has no penultimate output
     */
    public float[] penultimate(FloatBuffer features, int n) throws OrtException {
        if (signature.penultimate() == null) {
            throw new IllegalStateException("This model has no penultimate output (" + signature
                    + "): only Temper's own networks name one");
        }
        return run(features, n, signature.penultimate(), Map.of());
    }

    private float[] run(FloatBuffer features, int n, String output, Map<String, OnnxTensor> extraInputs)
            throws OrtException {
        long needed = (long) n * signature.exampleSize();
        if (n < 0 || features.remaining() < needed) {
            throw new IllegalArgumentException(n + " examples of " + signature.exampleSize() + " values need "
                    + needed + " values, the buffer holds " + features.remaining());
        }
        lock.readLock().lock();
        try {
            OrtSession session = open();
            try {
                return OrtThreads.run(() -> batches(session, features, n, output, extraInputs));
            } catch (OrtException e) {
                throw new OrtException(e.getCode(), "ONNX Runtime failed to run " + source + ": " + firstLine(e));
            }
        } finally {
            lock.readLock().unlock();
            Reference.reachabilityFence(this);
        }
    }

    private OrtSession open() {
        synchronized (state) {
            if (state.closed) {
                throw new IllegalStateException("This model session was closed; predictions need a new one");
            }
            if (state.session == null) {
                try {
                    state.session = OrtRuntime.open(model, settings);
                } catch (OrtException e) {
                    throw new IllegalArgumentException("ONNX Runtime cannot load " + source + ": " + firstLine(e)
                            + " (an operator or opset it does not know, or weights of the wrong shape?)", e);
                }
            }
            return state.session;
        }
    }

    private float[] batches(OrtSession session, FloatBuffer features, int n, String output,
                            Map<String, OnnxTensor> extraInputs) throws OrtException {
        int exampleSize = signature.exampleSize();
        long[] exampleShape = signature.exampleShape();
        long[] shape = new long[exampleShape.length + 1];
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        float[] out = null;
        int width = 0;
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            shape[0] = count;
            FloatBuffer slice = features.slice(features.position() + start * exampleSize, count * exampleSize);
            Map<String, OnnxTensor> inputs = new HashMap<>(extraInputs);
            try (OnnxTensor x = OnnxTensor.createTensor(OrtRuntime.environment(), slice, shape)) {
                inputs.put(signature.input(), x);
                try (OrtSession.Result r = runOnce(session, inputs, output, count)) {
                    OnnxTensor result = (OnnxTensor) r.get(0);
                    if (out == null) {
                        long[] dims = result.getInfo().getShape();
                        width = Math.toIntExact(dims.length < 2 ? 1 : dims[1]);
                        out = new float[Math.multiplyExact(n, width)];
                    }
                    result.getFloatBuffer().get(out, start * width, count * width);
                }
            }
        }
        return out == null ? new float[0] : out;
    }

    private OrtSession.Result runOnce(OrtSession session, Map<String, OnnxTensor> inputs, String output, int count)
            throws OrtException {
        try {
            return runner.run(session, inputs, Set.of(output));
        } catch (OrtException e) {
            DeviceMemoryException oom = DeviceMemoryException.recogniseInference(e, settings, count, source);
            if (oom != null) {
                throw oom;
            }
            throw e;
        }
    }

    private static String firstLine(OrtException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Waits for the calls in flight, then releases the native session. Idempotent; later calls fail
     * with an IllegalStateException.
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            cleanable.clean();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Turns logits into probabilities in place, stably (the largest logit is subtracted first).
     * @param values a row-major array
     * @param offset start of the row
     * @param k row length
     */
    public static void softmaxInPlace(float[] values, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, values[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(values[offset + c] - max);
        }
        for (int c = 0; c < k; c++) {
            values[offset + c] = (float) (Math.exp(values[offset + c] - max) / sum);
        }
    }

    /** The native part, closed by {@link #close} or by the cleaner once the owner is unreachable. */
    private static final class NativeSession implements Runnable {
        private OrtSession session;
        private boolean closed;

        @Override
        public synchronized void run() {
            closed = true;
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException e) {
                    throw new IllegalStateException("ONNX Runtime failed to close a session: " + e.getMessage(), e);
                } finally {
                    session = null;
                }
            }
        }
    }
}
