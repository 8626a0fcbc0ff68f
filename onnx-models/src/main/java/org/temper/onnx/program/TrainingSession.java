package org.temper.onnx.program;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.runtime.DeviceMemoryException;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.OrtRuntime;
import org.temper.onnx.runtime.OrtThreads;
import org.temper.onnx.runtime.Tensors;
import org.temper.onnx.zoo.Parameter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EpochProgram} opened in ONNX Runtime together with its training data and state. The
 * data set tensors are created once over direct buffers; parameters and optimizer state live in
 * ONNX Runtime tensors that each run's outputs replace, so they are copied to the host only when
 * asked for. A run that exhausts the device's memory is a {@link DeviceMemoryException} naming
 * the batch size; the session is left as it was before that run.
 */
public final class TrainingSession implements AutoCloseable {

    /** One run of the open session: ONNX Runtime's own, or a stand-in for a failing provider in tests. */
    @FunctionalInterface
    interface Runner {
        /**
         * @param session the open session
         * @param inputs the run's inputs by name
         * @return the run's outputs
         * @throws OrtException on failure
         */
        OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> inputs) throws OrtException;
    }

    private final EpochProgram program;
    private final OrtSession session;
    private final ExecutionSettings settings;
    private final Runner runner;
    private final int batchSize;
    private final Map<String, OnnxTensor> data = new HashMap<>();
    private final Map<String, OnnxTensor> state = new LinkedHashMap<>();
    private final long[] featureShape;
    private float step;

    /**
     * @param program the training program
     * @param batchSize examples per step (as the program was built for)
     * @param train the training data
     * @param teacherLogits [N, K] teacher logits row-major, or null when the program needs none
     * @param settings device and threads
     * @throws OrtException when ONNX Runtime rejects the program
     */
    public TrainingSession(EpochProgram program, int batchSize, DenseDataset train, FloatBuffer teacherLogits,
                           ExecutionSettings settings) throws OrtException {
        this(program, batchSize, train, teacherLogits, settings, OrtSession::run);
    }

    TrainingSession(EpochProgram program, int batchSize, DenseDataset train, FloatBuffer teacherLogits,
                    ExecutionSettings settings, Runner runner) throws OrtException {
        this.program = program;
        this.settings = settings;
        this.runner = runner;
        this.batchSize = batchSize;
        this.session = OrtRuntime.open(OnnxProto.toModel(program.graph(), "temper", Map.of()).toByteArray(), settings);
        long[] shape = new long[train.exampleShape().length + 1];
        shape[0] = train.size();
        System.arraycopy(train.exampleShape(), 0, shape, 1, shape.length - 1);
        this.featureShape = shape;
        try {
            setFeatures(train.features());
            data.put(ProgramNames.LABELS, OnnxTensor.createTensor(OrtRuntime.environment(),
                    directLongs(train.labels()), new long[] {train.size()}));
            if (program.needsTeacher()) {
                if (teacherLogits == null) {
                    throw new IllegalArgumentException("This objective needs teacher logits");
                }
                data.put(ProgramNames.TEACHER, OnnxTensor.createTensor(OrtRuntime.environment(), teacherLogits,
                        new long[] {train.size(), teacherLogits.remaining() / train.size()}));
            }
            List<Parameter> ps = program.parameters();
            for (int i = 0; i < ps.size(); i++) {
                state.put(ProgramNames.param(ps.get(i).name()), Tensors.toOrt(ps.get(i).initial()));
                List<TensorData> s = program.initialState(i);
                for (int j = 0; j < s.size(); j++) {
                    state.put(ProgramNames.state(ps.get(i).name(), j), Tensors.toOrt(s.get(j)));
                }
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Replaces the training features (for example with an augmented copy of the same examples).
     * @param features a direct buffer of the same size as the training features; it must stay
     *                 unchanged until the next call
     * @throws OrtException on failure
     */
    public void setFeatures(FloatBuffer features) throws OrtException {
        OnnxTensor old = data.put(ProgramNames.FEATURES, OnnxTensor.createTensor(OrtRuntime.environment(), features,
                featureShape));
        if (old != null) {
            old.close();
        }
    }

    /**
     * Runs training steps in one call.
     * @param batches the example indices of each step, steps * batchSize entries
     * @param learningRates the learning rate of each step
     * @param stepWeights the objective weight of each step
     * @return the loss and accuracy of each step
     * @throws OrtException on failure
     * @throws DeviceMemoryException when the device ran out of memory; parameters and state are those before the call
     */
    public StepResults run(long[] batches, float[] learningRates, float[] stepWeights) throws OrtException {
        int steps = learningRates.length;
        if (batches.length != (long) steps * batchSize || stepWeights.length != steps) {
            throw new IllegalArgumentException("Expected " + steps + " steps of " + batchSize + " indices and weights");
        }
        Map<String, OnnxTensor> inputs = new HashMap<>(data);
        inputs.putAll(state);
        List<OnnxTensor> perRun = new ArrayList<>();
        try {
            perRun.add(OnnxTensor.createTensor(OrtRuntime.environment(), directLongs(batches),
                    new long[] {steps, batchSize}));
            perRun.add(OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap(learningRates),
                    new long[] {steps}));
            perRun.add(OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap(stepWeights),
                    new long[] {steps}));
            perRun.add(OnnxTensor.createTensor(OrtRuntime.environment(), (long) steps));
            perRun.add(OnnxTensor.createTensor(OrtRuntime.environment(), step));
            inputs.put(ProgramNames.BATCHES, perRun.get(0));
            inputs.put(ProgramNames.LEARNING_RATES, perRun.get(1));
            inputs.put(ProgramNames.STEP_WEIGHTS, perRun.get(2));
            inputs.put(ProgramNames.TRIP_COUNT, perRun.get(3));
            inputs.put(ProgramNames.STEP, perRun.get(4));
            // The Result is not closed as a whole: the new state tensors are kept as the next inputs.
            OrtSession.Result result = runOnce(inputs);
            Map<String, OnnxTensor> out = new HashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                out.put(e.getKey(), (OnnxTensor) e.getValue());
            }
            for (String key : new ArrayList<>(state.keySet())) {
                String newKey = "new." + key;
                state.put(key, out.remove(newKey)).close();
            }
            try {
                step = out.get(ProgramNames.NEW_STEP).getFloatBuffer().get(0);
                float[] losses = new float[steps];
                float[] accuracies = new float[steps];
                out.get(ProgramNames.LOSSES).getFloatBuffer().get(losses);
                out.get(ProgramNames.ACCURACIES).getFloatBuffer().get(accuracies);
                return new StepResults(losses, accuracies);
            } finally {
                out.values().forEach(OnnxTensor::close);
            }
        } finally {
            perRun.forEach(OnnxTensor::close);
        }
    }

    private OrtSession.Result runOnce(Map<String, OnnxTensor> inputs) throws OrtException {
        try {
            return OrtThreads.run(() -> runner.run(session, inputs));
        } catch (OrtException e) {
            DeviceMemoryException oom = DeviceMemoryException.recognise(e, settings, batchSize);
            if (oom != null) {
                throw oom;
            }
            throw e;
        }
    }

    /**
     * The bytes one {@link #run} of {@code steps} steps moves between host and device on a CUDA
     * device: ONNX Runtime's Java API keeps every input and output tensor on the host, so each run
     * copies the data set, the parameters and the optimizer state in, and the new state and the
     * per-step results out.
     * @param steps steps of the run
     * @return bytes in plus bytes out
     */
    public long hostBytesPerRun(int steps) {
        long bytes = 0;
        for (OnnxTensor t : data.values()) {
            bytes += bytes(t);
        }
        for (OnnxTensor t : state.values()) {
            bytes += 2 * bytes(t);
        }
        long perStep = (long) batchSize * Long.BYTES + 2 * Float.BYTES + 2 * Float.BYTES;
        return bytes + steps * perStep + Long.BYTES + 2 * Float.BYTES;
    }

    private static long bytes(OnnxTensor t) {
        return t.getInfo().getNumElements() * t.getInfo().type.size;
    }

    /** @return the number of updates done so far. */
    public long updates() {
        return (long) step;
    }

    /** @return the current parameters, copied to the host, in the program's order. */
    public List<TensorData> parameters() {
        List<TensorData> out = new ArrayList<>();
        for (Parameter p : program.parameters()) {
            out.add(Tensors.fromOrt(state.get(ProgramNames.param(p.name()))));
        }
        return out;
    }

    /**
     * @return the current parameter tensors by parameter name, owned by this session (do not close)
     */
    public Map<String, OnnxTensor> parameterTensors() {
        Map<String, OnnxTensor> m = new LinkedHashMap<>();
        for (Parameter p : program.parameters()) {
            m.put(p.name(), state.get(ProgramNames.param(p.name())));
        }
        return m;
    }

    private static LongBuffer directLongs(long[] values) {
        LongBuffer b = ByteBuffer.allocateDirect(values.length * Long.BYTES)
                .order(ByteOrder.nativeOrder()).asLongBuffer();
        b.put(values).flip();
        return b;
    }

    @Override
    public void close() throws OrtException {
        data.values().forEach(OnnxTensor::close);
        state.values().forEach(OnnxTensor::close);
        data.clear();
        state.clear();
        session.close();
    }

    /**
     * Per-step results of a run.
     * @param losses mean loss of each step
     * @param accuracies batch accuracy of each step
     */
    public record StepResults(float[] losses, float[] accuracies) {
    }
}
