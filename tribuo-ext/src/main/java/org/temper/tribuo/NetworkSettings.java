package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.temper.onnx.autodiff.GradientRegistry;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.imports.NetworkImporter;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.optim.Stepping;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The network and optimisation settings every Temper trainer shares: the MLP's hidden layers,
 * dropout and initialiser; the optimizer, learning rate and schedule; epochs, batch size, the
 * validation fraction and early stopping; the device and threads. Configure it from Java with the
 * chained setters (before handing it to a trainer) or from an OLCUT configuration file, where each
 * setting is a {@code @Config} field of the same name.
 */
public final class NetworkSettings implements Configurable, Provenancable<ConfiguredObjectProvenance> {

    /** The update rule. */
    public enum OptimizerType {
        /** SGD with momentum (PyTorch's semantics) and L2 weight decay. */
        SGD,
        /** Adam with L2 weight decay. */
        ADAM,
        /** Adam with decoupled weight decay. */
        ADAMW
    }

    /** How the learning rate changes over training. */
    public enum ScheduleType {
        /** The same rate throughout. */
        CONSTANT,
        /** Falling linearly to 0 at the end, stepped per epoch. */
        LINEAR,
        /** Multiplied by {@code stepGamma} every {@code stepEpochs} epochs. */
        STEP,
        /** Cosine annealing to 0 over the run, stepped per step. */
        COSINE
    }

    @Config(description = "An ONNX forward network exported elsewhere (e.g. torch.onnx.export) to train instead of"
            + " the MLP; its input must be [N, F] with F the number of features. Empty for the MLP.")
    private String importedNetwork = "";

    @Config(description = "The imported network's logits output; empty for 'logits' or its only output.")
    private String importedLogits = "";

    @Config(description = "Hidden layer widths of the MLP (none for a linear softmax model).")
    private int[] hiddenSizes = {256};

    @Config(description = "Dropout probability after each hidden layer, in [0, 1).")
    private double dropout = 0;

    @Config(description = "Weight initialiser: HE_NORMAL, GLOROT_UNIFORM or NORMAL_003.")
    private Initializer initializer = Initializer.HE_NORMAL;

    @Config(description = "Optimizer: SGD, ADAM or ADAMW.")
    private OptimizerType optimizer = OptimizerType.SGD;

    @Config(description = "Base learning rate.")
    private double learningRate = 0.05;

    @Config(description = "SGD momentum in [0, 1).")
    private double momentum = 0.9;

    @Config(description = "Weight decay (L2 for SGD and ADAM, decoupled for ADAMW), >= 0.")
    private double weightDecay = 0;

    @Config(description = "Learning-rate schedule: CONSTANT, LINEAR, STEP or COSINE.")
    private ScheduleType schedule = ScheduleType.CONSTANT;

    @Config(description = "STEP schedule: epochs between decays.")
    private int stepEpochs = 10;

    @Config(description = "STEP schedule: factor applied at each decay.")
    private double stepGamma = 0.1;

    @Config(description = "Largest global gradient norm; 0 for no clipping.")
    private double clipNorm = 0;

    @Config(description = "Passes over the training data.")
    private int epochs = 10;

    @Config(description = "Examples per step.")
    private int batchSize = 128;

    @Config(description = "Fraction of the training data held out for validation, in [0, 1); 0 for none.")
    private double validationFraction = 0;

    @Config(description = "Epochs without a better validation accuracy before stopping; 0 never stops early."
            + " Needs a validation fraction.")
    private int earlyStoppingPatience = 0;

    @Config(description = "Device: cpu, cuda or cuda:N.")
    private String device = "cpu";

    @Config(description = "ONNX Runtime threads per operator; 0 for one per core.")
    private int threads = 0;

    /** Default settings: one hidden layer of 256, SGD with momentum 0.9 at 0.05, 10 epochs of batch 128, on the CPU. */
    public NetworkSettings() {
    }

    @Override
    public void postConfig() {
        validate();
    }

    /**
     * Checks every setting now, so that mistakes surface before any data is converted.
     * @throws IllegalArgumentException naming the setting and the allowed values
     */
    public void validate() {
        trainingConfig(org.temper.onnx.objective.LabelSmoothing.hardTargets(), 0);
        Mlp.create(new long[] {1}, hiddenSizes, 2, dropout, initializer, null, 0);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), got " + validationFraction);
        }
        if (earlyStoppingPatience > 0 && validationFraction == 0) {
            throw new IllegalArgumentException("earlyStoppingPatience " + earlyStoppingPatience
                    + " needs validation data: set validationFraction (e.g. 0.1)");
        }
    }

    /**
     * Trains a network exported elsewhere instead of the MLP.
     * @param file the ONNX file of the forward network, input [N, F] with F the number of features
     * @param logits its logits output, or null for "logits" or its only output
     * @return this
     */
    public NetworkSettings importedNetwork(Path file, String logits) {
        this.importedNetwork = file.toString();
        this.importedLogits = logits == null ? "" : logits;
        return this;
    }

    /**
     * @param sizes hidden layer widths @return this
     */
    public NetworkSettings hiddenSizes(int... sizes) {
        this.hiddenSizes = sizes.clone();
        return this;
    }

    /** @param p dropout probability @return this */
    public NetworkSettings dropout(double p) {
        this.dropout = p;
        return this;
    }

    /** @param init weight initialiser @return this */
    public NetworkSettings initializer(Initializer init) {
        this.initializer = init;
        return this;
    }

    /**
     * @param type the optimizer
     * @param rate the base learning rate
     * @return this
     */
    public NetworkSettings optimizer(OptimizerType type, double rate) {
        this.optimizer = type;
        this.learningRate = rate;
        return this;
    }

    /** @param m SGD momentum @return this */
    public NetworkSettings momentum(double m) {
        this.momentum = m;
        return this;
    }

    /** @param decay weight decay @return this */
    public NetworkSettings weightDecay(double decay) {
        this.weightDecay = decay;
        return this;
    }

    /** @param type the learning-rate schedule @return this */
    public NetworkSettings schedule(ScheduleType type) {
        this.schedule = type;
        return this;
    }

    /**
     * A STEP schedule.
     * @param everyEpochs epochs between decays
     * @param gamma factor at each decay
     * @return this
     */
    public NetworkSettings stepSchedule(int everyEpochs, double gamma) {
        this.schedule = ScheduleType.STEP;
        this.stepEpochs = everyEpochs;
        this.stepGamma = gamma;
        return this;
    }

    /** @param maxNorm largest global gradient norm, 0 for none @return this */
    public NetworkSettings clipNorm(double maxNorm) {
        this.clipNorm = maxNorm;
        return this;
    }

    /**
     * @param count epochs
     * @param batch batch size
     * @return this
     */
    public NetworkSettings epochs(int count, int batch) {
        this.epochs = count;
        this.batchSize = batch;
        return this;
    }

    /**
     * @param fraction validation fraction in [0, 1)
     * @param patience early-stopping patience in epochs, 0 for none
     * @return this
     */
    public NetworkSettings validation(double fraction, int patience) {
        this.validationFraction = fraction;
        this.earlyStoppingPatience = patience;
        return this;
    }

    /**
     * @param deviceName cpu, cuda or cuda:N
     * @param threadCount threads per operator, 0 for one per core
     * @return this
     */
    public NetworkSettings device(String deviceName, int threadCount) {
        this.device = deviceName;
        this.threads = threadCount;
        return this;
    }

    /** @return the fraction of training data held out for validation, 0 for none. */
    double validationFraction() {
        return validationFraction;
    }

    /** @return where and how ONNX Runtime runs. */
    ExecutionSettings execution() {
        return new ExecutionSettings(Device.parse(device), threads);
    }

    /**
     * @param inputWidth values per example (the feature map's size)
     * @param numClasses K
     * @param seed initialisation seed
     * @return a freshly initialised MLP
     */
    Network network(int inputWidth, int numClasses, long seed) {
        if (importedNetwork.isEmpty()) {
            return Mlp.create(new long[] {inputWidth}, hiddenSizes, numClasses, dropout, initializer, null, seed);
        }
        NetworkImporter importer = new NetworkImporter(GradientRegistry.standard().operators());
        Network imported;
        try {
            imported = (importedLogits.isEmpty() ? importer : importer.logits(importedLogits))
                    .read(Path.of(importedNetwork));
        } catch (IOException e) {
            throw new IllegalArgumentException("importedNetwork " + importedNetwork + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(imported.exampleShape(), new long[] {inputWidth}) || imported.numClasses() != numClasses) {
            throw new IllegalArgumentException("The imported network " + importedNetwork + " maps input "
                    + Arrays.toString(imported.exampleShape()) + " to " + imported.numClasses() + " classes, but the"
                    + " data has " + inputWidth + " features and " + numClasses + " classes: export it with input"
                    + " [N, " + inputWidth + "] (the feature map's size, in its id order) and " + numClasses + " logits");
        }
        return imported;
    }

    /**
     * @param objective the trainer's objective
     * @param seed seed of batch order and dropout
     * @return the engine's training configuration
     */
    TrainingConfig trainingConfig(Objective objective, long seed) {
        return new TrainingConfig(objective, optimizerRule(), learningRateSchedule(),
                clipNorm > 0 ? new GlobalNormClipping(clipNorm) : null, epochs, batchSize, 0,
                earlyStoppingPatience, null, execution(), seed, 0);
    }

    private Optimizer optimizerRule() {
        return switch (optimizer) {
            case SGD -> new Sgd(momentum, 0, false, weightDecay);
            case ADAM -> new Adam(0.9, 0.999, 1e-8, weightDecay, Adam.WeightDecay.L2);
            case ADAMW -> Adam.adamW(weightDecay);
        };
    }

    private LearningRateSchedule learningRateSchedule() {
        return switch (schedule) {
            case CONSTANT -> LearningRateSchedule.constant(learningRate);
            case LINEAR -> LearningRateSchedule.linearDecay(learningRate, Stepping.PER_EPOCH);
            case STEP -> LearningRateSchedule.stepDecay(learningRate, stepEpochs, stepGamma);
            case COSINE -> LearningRateSchedule.cosine(learningRate, 0, Stepping.PER_STEP);
        };
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "NetworkSettings");
    }
}
