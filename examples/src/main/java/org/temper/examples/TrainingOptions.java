package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.LearningRate;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Network;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** The network, objective and optimisation options of {@code temper train}. */
final class TrainingOptions {

    @Option(names = "--net", defaultValue = "mlp", description = "Network: mlp. Default: ${DEFAULT-VALUE}.")
    String net;

    @Option(names = "--hidden", defaultValue = "1200,1200", split = ",", paramLabel = "H1,H2,...",
            description = "Hidden layer widths of the MLP. Default: ${DEFAULT-VALUE}.")
    int[] hidden;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout after each hidden layer. Default: ${DEFAULT-VALUE}.")
    double dropout;

    @Option(names = "--init", defaultValue = "he", description = "Initialiser: he, glorot or normal003. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--objective", defaultValue = "ls", description = "ce (hard targets) or ls (label smoothing). Default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--alpha", defaultValue = "0.1", description = "Label smoothing strength in [0, 1). Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--epochs", defaultValue = "20", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd. Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.05", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
    double momentum;

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
        return new TrainingConfig(objective(), optimizer(), LearningRate.constant(lr), epochs, batch, augmentShift,
                patience, timeBudget == null ? null : Duration.ofSeconds(timeBudget),
                new ExecutionSettings(Device.parse(device), threads), seed, 0);
    }

    private Objective objective() {
        return switch (objective.toLowerCase(Locale.ROOT)) {
            case "ce" -> LabelSmoothing.hardTargets();
            case "ls" -> LabelSmoothing.uniform(alpha);
            default -> throw new IllegalArgumentException("--objective " + objective + ": use ce or ls");
        };
    }

    private Sgd optimizer() {
        if (!optimizer.equalsIgnoreCase("sgd")) {
            throw new IllegalArgumentException("--optimizer " + optimizer + ": use sgd");
        }
        return new Sgd(momentum, 0, false, 0);
    }

    Network network(DenseDataset data) {
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
        return "MLP " + data.exampleSize() + "-" + Arrays.toString(hidden).replaceAll("[\\[\\] ]", "").replace(',', '-')
                + "-" + data.numClasses();
    }

    float[] teacherLogits(DenseDataset train) {
        return null;
    }
}
