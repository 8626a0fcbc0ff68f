package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.autodiff.GradientRegistry;
import org.temper.onnx.fit.ModelFiles;
import org.temper.onnx.imports.NetworkImporter;
import org.temper.onnx.fit.SavedModel;
import org.temper.onnx.objective.Annealing;
import org.temper.onnx.objective.ConfidencePenalty;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.optim.Stepping;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Network;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** The network, objective and optimisation options of {@code temper train}. */
final class TrainingOptions {

    @Option(names = "--net", defaultValue = "mlp", description = "Network: mlp. Default: ${DEFAULT-VALUE}.")
    String net;

    @Option(names = "--import", paramLabel = "NETWORK.onnx",
            description = "Train a forward network exported elsewhere (e.g. torch.onnx.export) instead of --net.")
    Path importFile;

    @Option(names = "--import-logits", paramLabel = "NAME",
            description = "The imported network's logits output (default: 'logits' or its only output).")
    String importLogits;

    @Option(names = "--hidden", defaultValue = "1200,1200", split = ",", paramLabel = "H1,H2,...",
            description = "Hidden layer widths of the MLP. Default: ${DEFAULT-VALUE}.")
    int[] hidden;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout after each hidden layer. Default: ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--init", defaultValue = "he", description = "Initialiser: he, glorot or normal003. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--objective", defaultValue = "ls",
            description = "ce (hard targets), ls (label smoothing), cp (confidence penalty) or kd (distillation)."
                    + " Default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--alpha", defaultValue = "0.1", description = "Label smoothing strength in [0, 1). Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--smoothing", defaultValue = "uniform",
            description = "Where smoothing mass goes: uniform (1/K) or other (the K-1 wrong classes). Default: ${DEFAULT-VALUE}.")
    String smoothing;

    @Option(names = "--beta", description = "cp: penalty weight (default 0.5); kd: weight of the soft term (default 0.6).")
    Double beta;

    @Option(names = "--anneal", defaultValue = "constant",
            description = "cp: weight schedule constant, linear or exponential. Default: ${DEFAULT-VALUE}.")
    String anneal;

    @Option(names = "--hinge", paramLabel = "G", description = "cp: penalise only entropy below G (hinge).")
    Double hinge;

    @Option(names = "--teacher", paramLabel = "MODEL.onnx", description = "kd: the teacher model (any classifier ONNX file).")
    Path teacher;

    @Option(names = "--temperature", defaultValue = "4", description = "kd: temperature T > 0. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--soft-loss", defaultValue = "ce",
            description = "kd: soft term ce (T^2-scaled soft cross-entropy), mse-logits or mse-probs. Default: ${DEFAULT-VALUE}.")
    String softLoss;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd, adam or adamw. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.05", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--schedule", defaultValue = "constant",
            description = "Learning-rate schedule: constant, linear (to 0, per epoch), step or cosine. Default: ${DEFAULT-VALUE}.")
    String schedule;

    @Option(names = "--step-every", defaultValue = "10", description = "step schedule: epochs between decays. Default: ${DEFAULT-VALUE}.")
    int stepEvery;

    @Option(names = "--gamma", defaultValue = "0.1", description = "step schedule: decay factor. Default: ${DEFAULT-VALUE}.")
    double gamma;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--dampening", defaultValue = "0", description = "SGD dampening. Default: ${DEFAULT-VALUE}.")
    double dampening;

    @Option(names = "--nesterov", description = "SGD with Nesterov momentum.")
    boolean nesterov;

    @Option(names = "--weight-decay", defaultValue = "0", description = "Weight decay (L2 for sgd/adam, decoupled for adamw).")
    double weightDecay;

    @Option(names = "--clip-norm", paramLabel = "MAX", description = "Clip the global gradient norm to MAX.")
    Double clipNorm;

    @Option(names = "--augment-shift", defaultValue = "0", paramLabel = "PIXELS",
            description = "Random image shifts of up to this many pixels each epoch. Default: ${DEFAULT-VALUE}.")
    int augmentShift;

    @Option(names = "--patience", defaultValue = "0",
            description = "Early stopping after this many epochs without a better validation accuracy (0 = off).")
    int patience;

    @Option(names = "--time-budget", paramLabel = "SECONDS", description = "Stop training after this many seconds.")
    Long timeBudget;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime threads (0 = one per core).")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation, batch order and augmentation.")
    long seed;

    TrainingConfig config() {
        return new TrainingConfig(objective(), optimizer(), schedule(), clipNorm == null ? null
                : new GlobalNormClipping(clipNorm), epochs, batch, augmentShift, patience,
                timeBudget == null ? null : Duration.ofSeconds(timeBudget),
                new ExecutionSettings(Device.parse(device), threads), seed, 0);
    }

    private Objective objective() {
        return switch (objective.toLowerCase(Locale.ROOT)) {
            case "ce" -> LabelSmoothing.hardTargets();
            case "ls" -> switch (smoothing.toLowerCase(Locale.ROOT)) {
                case "uniform" -> LabelSmoothing.uniform(alpha);
                case "other" -> LabelSmoothing.otherClasses(alpha);
                default -> throw new IllegalArgumentException("--smoothing " + smoothing + ": use uniform or other");
            };
            case "cp" -> confidencePenalty();
            case "kd" -> {
                double b = beta == null ? 0.6 : beta;
                yield switch (softLoss.toLowerCase(Locale.ROOT)) {
                    case "ce" -> Distillation.softCrossEntropy(temperature, b);
                    case "mse-logits" -> Distillation.mseOnLogits(b);
                    case "mse-probs" -> Distillation.mseOnSoftenedProbabilities(temperature, b);
                    default -> throw new IllegalArgumentException("--soft-loss " + softLoss + ": use ce, mse-logits or mse-probs");
                };
            }
            default -> throw new IllegalArgumentException("--objective " + objective + ": use ce, ls, cp or kd");
        };
    }

    private ConfidencePenalty confidencePenalty() {
        double b = beta == null ? 0.5 : beta;
        ConfidencePenalty cp = switch (anneal.toLowerCase(Locale.ROOT)) {
            case "constant" -> ConfidencePenalty.of(b);
            case "linear" -> ConfidencePenalty.annealed(b, Annealing.linear());
            case "exponential" -> ConfidencePenalty.annealed(b, Annealing.exponential(5));
            default -> throw new IllegalArgumentException("--anneal " + anneal + ": use constant, linear or exponential");
        };
        return hinge == null ? cp : cp.withHinge(hinge);
    }

    private Optimizer optimizer() {
        return switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new Sgd(momentum, dampening, nesterov, weightDecay);
            case "adam" -> new Adam(0.9, 0.999, 1e-8, weightDecay, Adam.WeightDecay.L2);
            case "adamw" -> Adam.adamW(weightDecay);
            default -> throw new IllegalArgumentException("--optimizer " + optimizer + ": use sgd, adam or adamw");
        };
    }

    private LearningRateSchedule schedule() {
        return switch (schedule.toLowerCase(Locale.ROOT)) {
            case "constant" -> LearningRateSchedule.constant(lr);
            case "linear" -> LearningRateSchedule.linearDecay(lr, Stepping.PER_EPOCH);
            case "step" -> LearningRateSchedule.stepDecay(lr, stepEvery, gamma);
            case "cosine" -> LearningRateSchedule.cosine(lr, 0, Stepping.PER_STEP);
            default -> throw new IllegalArgumentException("--schedule " + schedule + ": use constant, linear, step or cosine");
        };
    }

    Network network(DenseDataset data) throws java.io.IOException {
        if (importFile != null) {
            NetworkImporter importer = new NetworkImporter(GradientRegistry.standard().operators());
            Network imported = (importLogits == null ? importer : importer.logits(importLogits)).read(importFile);
            if (imported.numClasses() != data.numClasses()
                    || Arrays.stream(imported.exampleShape()).reduce(1, (a, b) -> a * b) != data.exampleSize()) {
                throw new IllegalArgumentException("The imported network maps " + Arrays.toString(imported.exampleShape())
                        + " to " + imported.numClasses() + " classes, but the data has examples of shape "
                        + Arrays.toString(data.exampleShape()) + " and " + data.numClasses() + " classes");
            }
            return imported;
        }
        if (!net.equalsIgnoreCase("mlp")) {
            throw new IllegalArgumentException("--net " + net + ": use mlp");
        }
        Initializer i = switch (init.toLowerCase(Locale.ROOT)) {
            case "he" -> Initializer.HE_NORMAL;
            case "glorot" -> Initializer.GLOROT_UNIFORM;
            case "normal003" -> Initializer.NORMAL_003;
            default -> throw new IllegalArgumentException("--init " + init + ": use he, glorot or normal003");
        };
        return Mlp.create(data.exampleShape(), hidden, data.numClasses(), dropout, i, null, seed);
    }

    String describeNetwork(DenseDataset data) {
        if (importFile != null) {
            return "the network imported from " + importFile;
        }
        return "MLP " + data.exampleSize() + "-" + Arrays.toString(hidden).replaceAll("[\\[\\] ]", "").replace(',', '-')
                + "-" + data.numClasses();
    }

    /**
     * @param train the training data
     * @return the teacher's logits on it for kd, else null
     * @throws Exception when the teacher cannot be read or does not fit the data
     */
    float[] teacherLogits(DenseDataset train) throws Exception {
        if (!objective.equalsIgnoreCase("kd")) {
            if (teacher != null) {
                throw new IllegalArgumentException("--teacher is only used with --objective kd");
            }
            return null;
        }
        if (teacher == null) {
            throw new IllegalArgumentException("--objective kd needs --teacher MODEL.onnx");
        }
        SavedModel t = ModelFiles.read(teacher);
        if (t.signature().numClasses() != train.numClasses() || t.signature().exampleSize() != train.exampleSize()) {
            throw new IllegalArgumentException("The teacher " + teacher + " maps " + t.signature()
                    + " but the data has examples of " + train.exampleSize() + " values and " + train.numClasses()
                    + " classes");
        }
        try (Predictor p = t.predictor(new ExecutionSettings(Device.parse(device), threads))) {
            return p.logits(train.features(), train.size());
        }
    }
}
