package org.temper.onnx.fit;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.RandomShift;
import org.temper.onnx.data.Standardization;
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
import java.util.Arrays;
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

    /** How many times above the first step's loss (and log K) a loss counts as divergence. */
    static final double BLOW_UP = 100;

    /** ONNX Runtime calls per epoch when the configuration leaves it automatic. */
    private static final int CALLS_PER_EPOCH = 10;

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;
    private final Standardization inputs;

    /**
     * @param config the training settings
     * @param listeners observers of progress
     */
    public Fitter(TrainingConfig config, List<TrainingListener> listeners) {
        this(config, listeners, null);
    }

    /**
     * @param config the training settings
     * @param listeners observers of progress
     * @param inputs the standardisation the training data already went through, put in front of the
     *        networks handed to listeners after each epoch ({@link TrainingListener#onNetwork}) so that they
     *        take raw features; null for none
     */
    public Fitter(TrainingConfig config, List<TrainingListener> listeners, Standardization inputs) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
        this.inputs = inputs;
    }

    /**
     * Trains a network.
     * @param network the network with its initial parameters
     * @param train training data
     * @param validation validation data, or null
     * @param teacherLogits [N, K] teacher logits of the training examples, row-major, or null
     * @return the trained network, the per-epoch history and why training stopped
     * @throws OrtException when ONNX Runtime fails
     * @throws TrainingDivergedException when the loss becomes NaN or infinite, or blows up far above its start
     */
    public FitResult fit(Network network, DenseDataset train, DenseDataset validation, float[] teacherLogits)
            throws OrtException {
        checkInputs(network, train, validation, teacherLogits);
        int batch = config.batchSize();
        int stepsPerEpoch = (train.size() + batch - 1) / batch;
        EpochProgram program = EpochProgram.build(network, Differentiator.standard(),
                config.objective(), config.optimizer(), config.clipping(), batch);
        Random random = new Random(config.seed());
        long start = System.nanoTime();
        List<EpochReport> history = new ArrayList<>();
        StopReason reason = StopReason.COMPLETED;
        EarlyStopping stopping = new EarlyStopping(validation == null ? 0 : config.earlyStoppingPatience());
        FloatBuffer teacher = teacherLogits == null ? null : directCopy(teacherLogits);
        listeners.forEach(l -> l.onStart(config.epochs(), stepsPerEpoch, train.size()));
        List<TrainingListener> snapshots = listeners.stream().filter(TrainingListener::wantsNetwork).toList();
        try (TrainingSession session = new TrainingSession(program, batch, train, teacher, config.execution());
             ModelSession evaluator = validation == null ? null : evaluator(network)) {
            EpochSteps steps = new EpochSteps(session, train, stepsPerEpoch, random, start);
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                EpochTotals totals = steps.run(epoch);
                if (totals.stopped() != null) {
                    reason = totals.stopped();
                    break;
                }
                Validation val = validation == null ? Validation.NONE : evaluate(evaluator, session, validation);
                EpochReport report = new EpochReport(epoch + 1, config.epochs(), totals.loss(), totals.accuracy(),
                        val.accuracy(), val.loss(), totals.lastRate(), (System.nanoTime() - epochStart) / 1e9,
                        totals.hostBytes());
                history.add(report);
                listeners.forEach(l -> l.onEpoch(report));
                if (!snapshots.isEmpty()) {
                    TrainedNetwork now = new TrainedNetwork(network, session.parameters(), train.classNames(),
                            metadata(network, train, history, null));
                    TrainedNetwork raw = inputs == null ? now : now.withStandardization(inputs);
                    snapshots.forEach(l -> l.onNetwork(report, raw));
                }
                if (stopping.stopsAfter(epoch + 1, val.accuracy(), session)) {
                    reason = StopReason.EARLY_STOPPING;
                    break;
                }
            }
            boolean early = reason == StopReason.EARLY_STOPPING;
            List<TensorData> finalParams = early ? stopping.best : session.parameters();
            TrainedNetwork trained = new TrainedNetwork(network, finalParams, train.classNames(),
                    metadata(network, train, history, reason));
            int kept = early ? stopping.bestEpoch : Math.max(1, history.size());
            return new FitResult(trained, history, reason, kept);
        }
    }

    /**
     * The epoch's mean loss and accuracy, its last learning rate and its host-device bytes, or why the
     * epoch did not end.
     */
    private record EpochTotals(double loss, double accuracy, double lastRate, long hostBytes, StopReason stopped) {

        static EpochTotals stoppedBy(StopReason reason) {
            return new EpochTotals(Double.NaN, Double.NaN, Double.NaN, 0, reason);
        }
    }

    /**
     * The steps of every epoch of one fit: augmentation and batch order from the fit's random
     * source, then the epoch's steps in calls of the training session, with the learning rate and
     * objective weight of each step, divergence checks, progress, stop requests and the time budget
     * between calls.
     */
    private final class EpochSteps {
        private final TrainingSession session;
        private final DenseDataset train;
        private final int stepsPerEpoch;
        private final int perCall;
        private final Random random;
        private final long start;
        private final RandomShift shift;
        private final FloatBuffer augmented;
        private final double blowUpLimit;
        private double firstLoss = Double.NaN;

        EpochSteps(TrainingSession session, DenseDataset train, int stepsPerEpoch, Random random, long start)
                throws OrtException {
            this.session = session;
            this.train = train;
            this.stepsPerEpoch = stepsPerEpoch;
            this.perCall = config.progressSteps() > 0 ? config.progressSteps()
                    : Math.max(1, (stepsPerEpoch + CALLS_PER_EPOCH - 1) / CALLS_PER_EPOCH);
            this.random = random;
            this.start = start;
            this.blowUpLimit = Math.log(train.numClasses());
            this.shift = config.augmentShift() > 0 ? new RandomShift(config.augmentShift()) : null;
            this.augmented = shift == null ? null
                    : DenseDataset.allocateDirect((long) train.size() * train.exampleSize());
            if (augmented != null) {
                session.setFeatures(augmented);
            }
        }

        /**
         * @param epoch the epoch, from 0
         * @return its totals, or the reason it stopped before its last step
         * @throws TrainingDivergedException when a step's loss is not finite
         */
        EpochTotals run(int epoch) throws OrtException {
            int batch = config.batchSize();
            if (shift != null) {
                shift.apply(train, augmented, random);
            }
            long[] order = epochOrder(train.size(), stepsPerEpoch * batch, random);
            double lossSum = 0;
            double accSum = 0;
            double lastRate = 0;
            long hostBytes = 0;
            for (int done = 0; done < stepsPerEpoch; ) {
                int steps = Math.min(perCall, stepsPerEpoch - done);
                float[] rates = new float[steps];
                float[] weights = new float[steps];
                for (int s = 0; s < steps; s++) {
                    long global = (long) epoch * stepsPerEpoch + done + s;
                    rates[s] = (float) config.learningRate().rate(global, stepsPerEpoch, config.epochs());
                    weights[s] = (float) config.objective().stepWeight(global, (long) config.epochs() * stepsPerEpoch);
                }
                long[] batches = Arrays.copyOfRange(order, done * batch, (done + steps) * batch);
                TrainingSession.StepResults r = session.run(batches, rates, weights);
                hostBytes += session.hostBytesPerRun(steps);
                for (int s = 0; s < steps; s++) {
                    checkLoss(r.losses()[s], epoch + 1, done + s + 1, rates[s]);
                    lossSum += r.losses()[s];
                    accSum += r.accuracies()[s];
                }
                done += steps;
                lastRate = rates[steps - 1];
                int doneNow = done;
                double meanLoss = lossSum / done;
                listeners.forEach(l -> l.onSteps(epoch + 1, doneNow, stepsPerEpoch, meanLoss));
                if (listeners.stream().anyMatch(TrainingListener::stopRequested)) {
                    return EpochTotals.stoppedBy(StopReason.STOP_REQUESTED);
                }
                if (overBudget(start)) {
                    return EpochTotals.stoppedBy(StopReason.TIME_BUDGET);
                }
            }
            return new EpochTotals(lossSum / stepsPerEpoch, accSum / stepsPerEpoch, lastRate, hostBytes, null);
        }

        /**
         * A loss that is not finite, or that has grown {@value #BLOW_UP} times above both the first step's
         * and log K (the loss of a uniform guess), is divergence: no objective recovers from it.
         */
        private void checkLoss(float loss, int epoch, int step, float rate) {
            if (Double.isNaN(firstLoss)) {
                firstLoss = loss;
            }
            if (!Float.isFinite(loss) || loss > BLOW_UP * Math.max(Math.abs(firstLoss), blowUpLimit)) {
                throw new TrainingDivergedException(epoch, step, loss, rate);
            }
        }
    }

    /**
     * Early-stopping bookkeeping: the parameters of the epoch with the best validation accuracy so
     * far, and how many epochs have passed without a better one.
     */
    private static final class EarlyStopping {
        private final int patience;
        private List<TensorData> best;
        private double bestAccuracy = Double.NEGATIVE_INFINITY;
        private int bestEpoch;
        private int sinceBest;

        /** @param patience epochs without improvement before stopping, 0 for never */
        EarlyStopping(int patience) {
            this.patience = patience;
        }

        /**
         * @param epoch the epoch just ended, from 1
         * @param accuracy its validation accuracy
         * @param session holds its parameters, copied when they are the best so far
         * @return true when training should stop, keeping {@link #best}
         */
        boolean stopsAfter(int epoch, double accuracy, TrainingSession session) {
            if (patience == 0) {
                return false;
            }
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = session.parameters();
                bestEpoch = epoch;
                sinceBest = 0;
                return false;
            }
            return ++sinceBest >= patience;
        }
    }

    /** @return a session that computes logits from parameters given as inputs, for validation */
    private ModelSession evaluator(Network network) throws OrtException {
        return new ModelSession(
                OnnxProto.toModel(InferenceGraphs.withParameterInputs(network), "temper", Map.of()).toByteArray(),
                new ModelSignature(ProgramNames.INPUT, ProgramNames.LOGITS, network.exampleShape(),
                        network.numClasses()), config.execution());
    }

    private void checkInputs(Network network, DenseDataset train, DenseDataset validation, float[] teacherLogits) {
        train.checkTrainable();
        if (!Arrays.equals(network.exampleShape(), train.exampleShape())) {
            throw new IllegalArgumentException("The network expects examples of shape "
                    + Arrays.toString(network.exampleShape()) + " but the data has "
                    + Arrays.toString(train.exampleShape()));
        }
        if (network.numClasses() != train.numClasses()) {
            throw new IllegalArgumentException("The network has " + network.numClasses() + " outputs but the data has "
                    + train.numClasses() + " classes");
        }
        if (validation != null && !Arrays.equals(validation.exampleShape(), train.exampleShape())) {
            throw new IllegalArgumentException("Validation examples have shape "
                    + Arrays.toString(validation.exampleShape()) + ", training examples "
                    + Arrays.toString(train.exampleShape()));
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
                    + Arrays.toString(train.exampleShape()));
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

    /** Accuracy and mean cross-entropy on the validation data; NaN without validation data. */
    private record Validation(double accuracy, double loss) {
        static final Validation NONE = new Validation(Double.NaN, Double.NaN);
    }

    /** @return accuracy and mean cross-entropy on the data, from the session's current parameters */
    private static Validation evaluate(ModelSession evaluator, TrainingSession session, DenseDataset data)
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
        return new Validation((double) correct / data.size(), nll / data.size());
    }

    /** @return the model's training metadata; without a stop reason (null) for the networks of epochs */
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
        if (reason != null) {
            m.put("temper.stop_reason", reason.name().toLowerCase());
        }
        return m;
    }

    private static FloatBuffer directCopy(float[] values) {
        FloatBuffer b = DenseDataset.allocateDirect(values.length);
        b.put(values).flip();
        return b;
    }
}
