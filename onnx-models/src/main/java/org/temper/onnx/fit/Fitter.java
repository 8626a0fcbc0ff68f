package org.temper.onnx.fit;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.RandomShift;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.program.EpochProgram;
import org.temper.onnx.model.InferenceGraphs;
import org.temper.onnx.model.ModelSignature;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.program.ProgramNames;
import org.temper.onnx.program.TrainingSession;
import org.temper.onnx.zoo.Network;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fit loop: epochs of the epoch program, each over a fresh random batch order (and augmented
 * copy of the images when asked), validation after each epoch, early stopping, a time budget, stop
 * requests, and divergence detection. Each epoch runs in a few ONNX Runtime calls so that
 * listeners see progress; the parameters stay in ONNX Runtime throughout.
 */
public final class Fitter {

    /** ONNX Runtime calls per epoch when the configuration leaves it automatic. */
    private static final int CALLS_PER_EPOCH = 10;

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;

    /**
     * @param config the training settings
     * @param listeners observers of progress
     */
    public Fitter(TrainingConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains a network.
     * @param network the network with its initial parameters
     * @param train training data
     * @param validation validation data, or null
     * @param teacherLogits [N, K] teacher logits of the training examples, row-major, or null
     * @return the trained network, the per-epoch history and why training stopped
     * @throws OrtException when ONNX Runtime fails
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     */
    public FitResult fit(Network network, DenseDataset train, DenseDataset validation, float[] teacherLogits)
            throws OrtException {
        checkInputs(network, train, validation, teacherLogits);
        int batch = config.batchSize();
        int n = train.size();
        int stepsPerEpoch = (n + batch - 1) / batch;
        int perCall = config.progressSteps() > 0 ? config.progressSteps()
                : Math.max(1, (stepsPerEpoch + CALLS_PER_EPOCH - 1) / CALLS_PER_EPOCH);
        EpochProgram program = EpochProgram.build(network, Differentiator.standard(),
                config.objective(), config.optimizer(), config.clipping(), batch);
        Random random = new Random(config.seed());
        long start = System.nanoTime();
        List<EpochReport> history = new ArrayList<>();
        StopReason reason = StopReason.COMPLETED;
        List<TensorData> best = null;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        int sinceBest = 0;
        int bestEpoch = 0;
        FloatBuffer teacher = teacherLogits == null ? null : directCopy(teacherLogits);
        listeners.forEach(l -> l.onStart(config.epochs(), stepsPerEpoch, n));
        try (TrainingSession session = new TrainingSession(program, batch, train, teacher, config.execution());
             ModelSession evaluator = validation == null ? null : new ModelSession(
                     OnnxProto.toModel(InferenceGraphs.withParameterInputs(network), "temper", Map.of()).toByteArray(),
                     new ModelSignature(ProgramNames.INPUT, ProgramNames.LOGITS, network.exampleShape(),
                             network.numClasses()), config.execution())) {
            FloatBuffer augmented = null;
            RandomShift shift = config.augmentShift() > 0 ? new RandomShift(config.augmentShift()) : null;
            if (shift != null) {
                augmented = DenseDataset.allocateDirect((long) n * train.exampleSize());
                session.setFeatures(augmented);
            }
            epochs:
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                if (shift != null) {
                    shift.apply(train, augmented, random);
                }
                long[] order = epochOrder(n, stepsPerEpoch * batch, random);
                double lossSum = 0;
                double accSum = 0;
                double lastRate = 0;
                for (int done = 0; done < stepsPerEpoch; ) {
                    int steps = Math.min(perCall, stepsPerEpoch - done);
                    float[] rates = new float[steps];
                    float[] weights = new float[steps];
                    for (int s = 0; s < steps; s++) {
                        long global = (long) epoch * stepsPerEpoch + done + s;
                        rates[s] = (float) config.learningRate().rate(global, stepsPerEpoch, config.epochs());
                        weights[s] = (float) config.objective().stepWeight(global,
                                (long) config.epochs() * stepsPerEpoch);
                    }
                    long[] batches = java.util.Arrays.copyOfRange(order, done * batch, (done + steps) * batch);
                    TrainingSession.StepResults r = session.run(batches, rates, weights);
                    for (int s = 0; s < steps; s++) {
                        if (!Float.isFinite(r.losses()[s])) {
                            throw new TrainingDivergedException(epoch + 1, done + s + 1, r.losses()[s], rates[s]);
                        }
                        lossSum += r.losses()[s];
                        accSum += r.accuracies()[s];
                    }
                    done += steps;
                    lastRate = rates[steps - 1];
                    final int epochNo = epoch + 1;
                    final int doneNow = done;
                    final double meanLoss = lossSum / done;
                    listeners.forEach(l -> l.onSteps(epochNo, doneNow, stepsPerEpoch, meanLoss));
                    if (listeners.stream().anyMatch(TrainingListener::stopRequested)) {
                        reason = StopReason.STOP_REQUESTED;
                        break epochs;
                    }
                    if (overBudget(start)) {
                        reason = StopReason.TIME_BUDGET;
                        break epochs;
                    }
                }
                double[] val = validation == null ? new double[] {Double.NaN, Double.NaN}
                        : evaluate(evaluator, session, validation);
                EpochReport report = new EpochReport(epoch + 1, config.epochs(), lossSum / stepsPerEpoch,
                        accSum / stepsPerEpoch, val[0], val[1], lastRate, (System.nanoTime() - epochStart) / 1e9);
                history.add(report);
                listeners.forEach(l -> l.onEpoch(report));
                if (validation != null && config.earlyStoppingPatience() > 0) {
                    if (val[0] > bestAccuracy) {
                        bestAccuracy = val[0];
                        best = session.parameters();
                        bestEpoch = epoch + 1;
                        sinceBest = 0;
                    } else if (++sinceBest >= config.earlyStoppingPatience()) {
                        reason = StopReason.EARLY_STOPPING;
                        break;
                    }
                }
            }
            List<TensorData> finalParams = reason == StopReason.EARLY_STOPPING ? best : session.parameters();
            TrainedNetwork trained = new TrainedNetwork(network, finalParams, train.classNames(),
                    metadata(network, train, history, reason));
            int kept = reason == StopReason.EARLY_STOPPING ? bestEpoch : Math.max(1, history.size());
            return new FitResult(trained, history, reason, kept);
        }
    }

    private void checkInputs(Network network, DenseDataset train, DenseDataset validation, float[] teacherLogits) {
        train.checkTrainable();
        if (!java.util.Arrays.equals(network.exampleShape(), train.exampleShape())) {
            throw new IllegalArgumentException("The network expects examples of shape "
                    + java.util.Arrays.toString(network.exampleShape()) + " but the data has "
                    + java.util.Arrays.toString(train.exampleShape()));
        }
        if (network.numClasses() != train.numClasses()) {
            throw new IllegalArgumentException("The network has " + network.numClasses() + " outputs but the data has "
                    + train.numClasses() + " classes");
        }
        if (validation != null && !java.util.Arrays.equals(validation.exampleShape(), train.exampleShape())) {
            throw new IllegalArgumentException("Validation examples have shape "
                    + java.util.Arrays.toString(validation.exampleShape()) + ", training examples "
                    + java.util.Arrays.toString(train.exampleShape()));
        }
        if (config.objective().needsTeacher()) {
            if (teacherLogits == null) {
                throw new IllegalArgumentException(config.objective().describe() + " needs teacher logits");
            }
            if (teacherLogits.length != (long) train.size() * train.numClasses()) {
                throw new IllegalArgumentException("Teacher logits hold " + teacherLogits.length + " values; "
                        + train.size() + " examples x " + train.numClasses() + " classes need "
                        + (long) train.size() * train.numClasses());
            }
        }
        if (config.augmentShift() > 0 && train.exampleShape().length < 2) {
            throw new IllegalArgumentException("Random shifts need image examples, but examples have shape "
                    + java.util.Arrays.toString(train.exampleShape()));
        }
    }

    /** A random order of the examples, extended by wrapping around to fill the last batch. */
    private static long[] epochOrder(int n, int length, Random random) {
        int[] perm = DenseDataset.permutation(n, random);
        long[] order = new long[length];
        for (int i = 0; i < length; i++) {
            order[i] = perm[i % n];
        }
        return order;
    }

    private boolean overBudget(long start) {
        return config.timeBudget() != null && System.nanoTime() - start > config.timeBudget().toNanos();
    }

    /** @return accuracy and mean cross-entropy on the data, from the session's current parameters */
    private static double[] evaluate(ModelSession evaluator, TrainingSession session, DenseDataset data)
            throws OrtException {
        Map<String, OnnxTensor> params = new LinkedHashMap<>();
        session.parameterTensors().forEach((name, t) -> params.put(ProgramNames.param(name), t));
        float[] logits = evaluator.logits(data.features(), data.size(), params);
        int k = evaluator.numClasses();
        int correct = 0;
        double nll = 0;
        for (int i = 0; i < data.size(); i++) {
            int y = (int) data.label(i);
            int arg = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (logits[i * k + c] > max) {
                    max = logits[i * k + c];
                    arg = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logits[i * k + c] - max);
            }
            nll += Math.log(sum) + max - logits[i * k + y];
            correct += arg == y ? 1 : 0;
        }
        return new double[] {(double) correct / data.size(), nll / data.size()};
    }

    private Map<String, String> metadata(Network network, DenseDataset train, List<EpochReport> history,
                                         StopReason reason) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("temper.objective", config.objective().describe());
        m.put("temper.optimizer", config.optimizer().describe());
        m.put("temper.learning_rate", config.learningRate().describe());
        if (config.clipping() != null) {
            m.put("temper.clipping", config.clipping().describe());
        }
        m.put("temper.epochs", Integer.toString(history.size()));
        m.put("temper.batch_size", Integer.toString(config.batchSize()));
        m.put("temper.augment_shift", Integer.toString(config.augmentShift()));
        m.put("temper.seed", Long.toString(config.seed()));
        m.put("temper.training_examples", Integer.toString(train.size()));
        m.put("temper.stop_reason", reason.name().toLowerCase());
        return m;
    }

    private static FloatBuffer directCopy(float[] values) {
        FloatBuffer b = DenseDataset.allocateDirect(values.length);
        b.put(values).flip();
        return b;
    }
}
