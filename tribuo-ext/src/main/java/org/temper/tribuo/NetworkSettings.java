package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.zoo.Initializer;

import java.nio.file.Path;

/**
 * The network and optimisation settings every Temper trainer shares, a thin holder of the engine's
 * {@link Recipe} (whose defaults it starts from; docs/settings.md lists them): the MLP's hidden
 * layers, dropout and initialiser; the optimizer, learning rate and schedule; epochs, batch size,
 * the validation fraction and early stopping; input standardisation; the device and threads.
 * Configure it from Java with the chained setters or from an OLCUT configuration file, where each
 * setting is a {@code @Config} field of the same name. Trainers copy it when they are made, so a
 * later change does not reach a configured trainer.
 */
public final class NetworkSettings implements Configurable, Provenancable<ConfiguredObjectProvenance> {

    private static final Recipe DEFAULTS = Recipe.defaults();

    @Config(description = "An ONNX forward network exported elsewhere (e.g. torch.onnx.export) to train instead of"
            + " the MLP; its input must take F values, F the number of features. Empty for the MLP.")
    private String importedNetwork = "";

    @Config(description = "The imported network's logits output; empty for 'logits' or its only output.")
    private String importedLogits = "";

    @Config(description = "Hidden layer widths of the MLP (none for a linear softmax model).")
    private int[] hiddenSizes = DEFAULTS.hidden();

    @Config(description = "Dropout probability after each hidden layer, in [0, 1).")
    private double dropout = DEFAULTS.dropout();

    @Config(description = "Weight initialiser: HE_NORMAL, GLOROT_UNIFORM or NORMAL_003.")
    private Initializer initializer = DEFAULTS.initializer();

    @Config(description = "Optimizer: SGD, ADAM or ADAMW.")
    private Recipe.OptimizerKind optimizer = DEFAULTS.optimizer();

    @Config(description = "Base learning rate.")
    private double learningRate = DEFAULTS.learningRate();

    @Config(description = "SGD momentum in [0, 1).")
    private double momentum = DEFAULTS.momentum();

    @Config(description = "SGD dampening in [0, 1].")
    private double dampening = DEFAULTS.dampening();

    @Config(description = "SGD with Nesterov momentum.")
    private boolean nesterov = DEFAULTS.nesterov();

    @Config(description = "Weight decay (L2 for SGD and ADAM, decoupled for ADAMW), >= 0.")
    private double weightDecay = DEFAULTS.weightDecay();

    @Config(description = "Learning-rate schedule: CONSTANT, LINEAR, STEP or COSINE.")
    private Recipe.Schedule schedule = DEFAULTS.schedule();

    @Config(description = "STEP schedule: epochs between decays.")
    private int stepEpochs = DEFAULTS.stepEpochs();

    @Config(description = "STEP schedule: factor applied at each decay.")
    private double stepGamma = DEFAULTS.stepGamma();

    @Config(description = "Largest global gradient norm; 0 for no clipping.")
    private double clipNorm = DEFAULTS.clipNorm();

    @Config(description = "Passes over the training data.")
    private int epochs = DEFAULTS.epochs();

    @Config(description = "Examples per step.")
    private int batchSize = DEFAULTS.batchSize();

    @Config(description = "Fraction of the training data held out for validation, in [0, 1); 0 for none.")
    private double validationFraction = DEFAULTS.validationFraction();

    @Config(description = "Epochs without a better validation accuracy before stopping; 0 never stops early."
            + " Needs a validation fraction.")
    private int earlyStoppingPatience = DEFAULTS.patience();

    @Config(description = "Input preprocessing: STANDARDIZE (per feature, fitted on the training data, part of the"
            + " model and its ONNX export) or NONE.")
    private Recipe.Preprocessing preprocessing = DEFAULTS.preprocessing();

    @Config(description = "Device: cpu, cuda or cuda:N.")
    private String device = DEFAULTS.device();

    @Config(description = "ONNX Runtime threads per operator; 0 for the shared pool of one per core.")
    private int threads = DEFAULTS.threads();

    /** The recipe's default settings. */
    public NetworkSettings() {
    }

    /** @return an independent copy of these settings */
    public NetworkSettings copy() {
        NetworkSettings c = new NetworkSettings();
        c.importedNetwork = importedNetwork;
        c.importedLogits = importedLogits;
        c.hiddenSizes = hiddenSizes.clone();
        c.dropout = dropout;
        c.initializer = initializer;
        c.optimizer = optimizer;
        c.learningRate = learningRate;
        c.momentum = momentum;
        c.dampening = dampening;
        c.nesterov = nesterov;
        c.weightDecay = weightDecay;
        c.schedule = schedule;
        c.stepEpochs = stepEpochs;
        c.stepGamma = stepGamma;
        c.clipNorm = clipNorm;
        c.epochs = epochs;
        c.batchSize = batchSize;
        c.validationFraction = validationFraction;
        c.earlyStoppingPatience = earlyStoppingPatience;
        c.preprocessing = preprocessing;
        c.device = device;
        c.threads = threads;
        return c;
    }

    @Override
    public void postConfig() {
        validate();
    }

    /**
     * Checks every setting now, so that mistakes surface before any data is converted.
     * @throws IllegalArgumentException naming the setting and the fix
     */
    public void validate() {
        recipe().build();
    }

    /** @return these settings as a recipe builder; trainers add the objective and the seed */
    Recipe.Builder recipe() {
        return Recipe.builder().hidden(hiddenSizes).dropout(dropout).initializer(initializer)
                .importedNetwork(importedNetwork.isEmpty() ? null : Path.of(importedNetwork), importedLogits)
                .optimizer(optimizer).learningRate(learningRate).momentum(momentum).dampening(dampening)
                .nesterov(nesterov).weightDecay(weightDecay).schedule(schedule).stepEpochs(stepEpochs)
                .stepGamma(stepGamma).clipNorm(clipNorm).epochs(epochs).batchSize(batchSize)
                .validationFraction(validationFraction).patience(earlyStoppingPatience).preprocessing(preprocessing)
                .device(device).threads(threads);
    }

    /**
     * Trains a network exported elsewhere instead of the MLP.
     * @param file the ONNX file of the forward network, taking F values per example (F the number of features)
     * @param logits its logits output, or null for "logits" or its only output
     * @return this
     */
    public NetworkSettings importedNetwork(Path file, String logits) {
        this.importedNetwork = file.toString();
        this.importedLogits = logits == null ? "" : logits;
        return this;
    }

    /**
     * @param sizes hidden layer widths
     * @return this
     */
    public NetworkSettings hiddenSizes(int... sizes) {
        this.hiddenSizes = sizes.clone();
        return this;
    }

    /**
     * @param p dropout probability
     * @return this
     */
    public NetworkSettings dropout(double p) {
        this.dropout = p;
        return this;
    }

    /**
     * @param init weight initialiser
     * @return this
     */
    public NetworkSettings initializer(Initializer init) {
        this.initializer = init;
        return this;
    }

    /**
     * @param type the optimizer
     * @param rate the base learning rate
     * @return this
     */
    public NetworkSettings optimizer(Recipe.OptimizerKind type, double rate) {
        this.optimizer = type;
        this.learningRate = rate;
        return this;
    }

    /**
     * @param m SGD momentum
     * @return this
     */
    public NetworkSettings momentum(double m) {
        this.momentum = m;
        return this;
    }

    /**
     * @param d SGD dampening
     * @param useNesterov Nesterov momentum
     * @return this
     */
    public NetworkSettings dampening(double d, boolean useNesterov) {
        this.dampening = d;
        this.nesterov = useNesterov;
        return this;
    }

    /**
     * @param decay weight decay
     * @return this
     */
    public NetworkSettings weightDecay(double decay) {
        this.weightDecay = decay;
        return this;
    }

    /**
     * @param type the learning-rate schedule
     * @return this
     */
    public NetworkSettings schedule(Recipe.Schedule type) {
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
        this.schedule = Recipe.Schedule.STEP;
        this.stepEpochs = everyEpochs;
        this.stepGamma = gamma;
        return this;
    }

    /**
     * @param maxNorm largest global gradient norm, 0 for none
     * @return this
     */
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
     * @param p input preprocessing
     * @return this
     */
    public NetworkSettings preprocessing(Recipe.Preprocessing p) {
        this.preprocessing = p;
        return this;
    }

    /**
     * @param deviceName cpu, cuda or cuda:N
     * @param threadCount threads per operator, 0 for the shared pool
     * @return this
     */
    public NetworkSettings device(String deviceName, int threadCount) {
        this.device = deviceName;
        this.threads = threadCount;
        return this;
    }

    @Override
    public String toString() {
        return recipe().build().toString();
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "NetworkSettings");
    }
}
