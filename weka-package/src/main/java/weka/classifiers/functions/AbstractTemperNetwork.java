package weka.classifiers.functions;

import ai.onnxruntime.OrtException;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.temper.onnx.zoo.Initializer;
import org.temper.weka.CommandLineRun;
import org.temper.weka.InputEncoder;
import org.temper.weka.NetworkModel;
import org.temper.weka.PackageDefaults;
import org.temper.weka.TrainingDataCheck;
import org.temper.weka.WekaProgress;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.CommandlineRunnable;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WekaException;
import weka.gui.Logger;
import weka.gui.ProgrammaticProperty;

import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Vector;

/**
 * What the Temper networks share: a multilayer perceptron over the encoded inputs (nominal
 * attributes one-hot, numeric attributes as they are, missing values as described in
 * {@link InputEncoder}), trained by the engine's one {@link Recipe} (whose defaults the options
 * start from; standardisation is part of the recipe and of the saved network), and stored as ONNX
 * bytes inside the Weka model. Subclasses set the objective and, for distillation, the teacher's logits.
 */
public abstract class AbstractTemperNetwork extends AbstractClassifier
        implements Randomizable, TechnicalInformationHandler, LogHandler, CommandlineRunnable {

    private static final long serialVersionUID = 1L;

    /** Text shared by every subclass's globalInfo: how inputs are encoded and trained. */
    protected static final String ENCODING_INFO = "Inputs: nominal attributes are one-hot encoded, numeric"
            + " attributes kept as they are; then every encoded column is standardised with the mean and standard"
            + " deviation of the training part (after the validation split; part of the saved network; input"
            + " preprocessing NONE turns it off). A missing numeric value becomes the training mean, a missing"
            + " nominal value an all-zero one-hot block; training instances with a missing class are ignored."
            + " Instance weights are not used: the networks are not WeightedInstancesHandlers, so Weka refuses"
            + " training data with weights other than 1 (with capability checking off, every instance counts"
            + " once), and meta classifiers such as AdaBoostM1 resample by weight instead. String, date and"
            + " relational attributes are refused, with a message naming the filter that converts them."
            + " The network is a multilayer perceptron with ReLU hidden layers, trained as ONNX graphs by ONNX"
            + " Runtime on the CPU or a CUDA GPU; the Weka model file stores the ONNX model.";

    private static final Recipe DEFAULTS = Recipe.defaults();

    private String hiddenLayers = widths(DEFAULTS.hidden());
    private double dropout = DEFAULTS.dropout();
    private Initializer initializer = DEFAULTS.initializer();
    private int epochs = DEFAULTS.epochs();
    private int miniBatchSize = DEFAULTS.batchSize();
    private Recipe.OptimizerKind optimizer = DEFAULTS.optimizer();
    private double learningRate = DEFAULTS.learningRate();
    private double momentum = DEFAULTS.momentum();
    private double weightDecay = DEFAULTS.weightDecay();
    private Recipe.Schedule schedule = DEFAULTS.schedule();
    private int stepEpochs = DEFAULTS.stepEpochs();
    private double stepGamma = DEFAULTS.stepGamma();
    private double validationFraction = DEFAULTS.validationFraction();
    private int patience = DEFAULTS.patience();
    private Recipe.Preprocessing preprocessing = DEFAULTS.preprocessing();
    private String device = PackageDefaults.device();
    private int threads = DEFAULTS.threads();
    private int seed = (int) DEFAULTS.seed();

    private InputEncoder encoder;
    private NetworkModel model;
    private Instances header;
    private Map<String, String> trainingSummary;
    private String outcome;
    private transient Logger log;

    /**
     * @param recipe the shared settings as a recipe
     * @return the same builder with the subclass's objective set
     */
    protected abstract Recipe.Builder objective(Recipe.Builder recipe);

    /**
     * @param train the training data (nominal class, no missing class values)
     * @param encoded the same instances as encoded rows
     * @param recipe the run's recipe (where a teacher runs)
     * @return [N, K] teacher logits of the training instances, row-major, or null when the objective needs none
     * @throws Exception when the teacher cannot be built or read
     */
    protected float[] teacherLogits(Instances train, DenseDataset encoded, Recipe recipe) throws Exception {
        return null;
    }

    /**
     * @return the recipe these options describe
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public Recipe recipe() {
        return objective(Recipe.builder().hidden(parseHidden(hiddenLayers)).dropout(dropout).initializer(initializer)
                .epochs(epochs).batchSize(miniBatchSize).optimizer(optimizer).learningRate(learningRate)
                .momentum(momentum).weightDecay(weightDecay).schedule(schedule).stepEpochs(stepEpochs)
                .stepGamma(stepGamma).validationFraction(validationFraction).patience(patience)
                .preprocessing(preprocessing).device(device).threads(threads).seed(seed)).build();
    }

    private static String widths(int[] hidden) {
        return String.join(",", Arrays.stream(hidden).mapToObj(Integer::toString).toList());
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capability.NOMINAL_ATTRIBUTES);
        result.enable(Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capability.MISSING_VALUES);
        result.enable(Capability.NOMINAL_CLASS);
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.setMinimumNumberInstances(1);
        return result;
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        String name = getClass().getSimpleName();
        Recipe recipe = recipe();
        TrainingDataCheck.check(data, name);
        getCapabilities().testWithFail(data);
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        InputEncoder fitted = InputEncoder.fit(train);
        DenseDataset dataset = fitted.dataset(train);
        float[] teacher = teacherLogits(train, dataset, recipe);
        WekaProgress progress = new WekaProgress(name, log, getDebug());
        FitResult result;
        try {
            result = new Training(recipe, List.of(progress)).run(dataset, teacher);
        } catch (OrtException e) {
            throw new WekaException(name + ": ONNX Runtime failed while training: " + e.getMessage(), e);
        }
        progress.finished(result);
        encoder = fitted;
        header = new Instances(train, 0);
        trainingSummary = result.network().metadata();
        outcome = result.summary();
        model = new NetworkModel(result.network().toOnnx().toByteArray(), device, threads);
    }

    private static int[] parseHidden(String text) {
        if (text.isBlank()) {
            return new int[0];
        }
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Hidden layers '" + text + "': give comma-separated widths such as"
                    + " 100,50 (or nothing for no hidden layer)");
        }
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        checkBuilt();
        float[] row = new float[encoder.width()];
        encoder.encode(instance, row, 0);
        return model.probabilities(java.nio.FloatBuffer.wrap(row), 1)[0];
    }

    @Override
    public double[][] distributionsForInstances(Instances instances) throws Exception {
        checkBuilt();
        return model.probabilities(encoder.encode(instances), instances.numInstances());
    }

    @Override
    public boolean implementsMoreEfficientBatchPrediction() {
        return true;
    }

    private void checkBuilt() throws WekaException {
        if (model == null) {
            throw new WekaException(getClass().getSimpleName() + " has not been trained: call buildClassifier first.");
        }
    }

    @Override
    public String toString() {
        if (model == null) {
            return getClass().getSimpleName() + ": no model built yet.";
        }
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append("\n\n");
        s.append("Class: ").append(header.classAttribute().name()).append(" (").append(header.numClasses())
                .append(" values)\n");
        s.append("Encoded inputs: ").append(encoder.width()).append(" columns from ")
                .append(header.numAttributes() - 1).append(" attributes\n");
        trainingSummary.forEach((key, value) -> {
            if (key.startsWith("temper.recipe.")) {
                s.append(key.substring("temper.recipe.".length())).append(": ").append(value).append('\n');
            }
        });
        s.append("epochs run: ").append(trainingSummary.get("temper.epochs")).append('\n');
        s.append("stop reason: ").append(trainingSummary.get("temper.stop_reason")).append('\n');
        s.append(outcome).append('\n');
        return s.toString();
    }

    /**
     * @return Weka's options as -h lists them, each one that takes a value ending with its default: a new
     *         classifier's value, the one the GenericObjectEditor starts from
     */
    @Override
    public Enumeration<Option> listOptions() {
        String[] defaults;
        try {
            defaults = getClass().getDeclaredConstructor().newInstance().getOptions();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getClass().getName() + " needs a public no-argument constructor", e);
        }
        Vector<Option> options = new Vector<>();
        for (Option o : Collections.list(super.listOptions())) {
            String value = o.numArguments() == 0 ? "" : defaultOf(o.name(), defaults);
            options.add(value.isEmpty() ? o : new Option(o.description() + " (default " + value + ")", o.name(),
                    o.numArguments(), o.synopsis()));
        }
        return options.elements();
    }

    private static String defaultOf(String name, String[] defaults) {
        try {
            return Utils.getOption(name, defaults.clone());
        } catch (Exception e) {
            throw new IllegalStateException("option -" + name + " has no value in " + Arrays.toString(defaults), e);
        }
    }

    @Override
    @ProgrammaticProperty
    public void setLog(Logger log) {
        this.log = log;
    }

    @Override
    @ProgrammaticProperty
    public Logger getLog() {
        return log;
    }

    @Override
    public void preExecution() {
        // nothing to prepare
    }

    @Override
    public void run(Object toRun, String[] options) {
        CommandLineRun.evaluate((AbstractTemperNetwork) toRun, options);
    }

    @Override
    public void postExecution() {
        // nothing to release
    }

    /** @return the option "hidden layers" (its description says what it does) */
    @OptionMetadata(displayName = "hidden layers", description = "Widths of the hidden layers, comma-separated"
            + " (e.g. 100,50); empty for none.", category = "Network", displayOrder = 1,
            commandLineParamName = "hidden", commandLineParamSynopsis = "-hidden <widths>")
    public String getHiddenLayers() {
        return hiddenLayers;
    }

    /** @param hiddenLayers comma-separated widths */
    public void setHiddenLayers(String hiddenLayers) {
        this.hiddenLayers = hiddenLayers;
    }

    /** @return the option "dropout" (its description says what it does) */
    @OptionMetadata(displayName = "dropout", description = "Dropout probability after each hidden layer, in [0, 1).",
            category = "Network", displayOrder = 2, commandLineParamName = "dropout",
            commandLineParamSynopsis = "-dropout <probability>")
    public double getDropout() {
        return dropout;
    }

    /** @param dropout probability in [0, 1) */
    public void setDropout(double dropout) {
        this.dropout = dropout;
    }

    /** @return the option "weight initialiser" (its description says what it does) */
    @OptionMetadata(displayName = "weight initialiser", description = "HE_NORMAL (ReLU networks), GLOROT_UNIFORM,"
            + " or NORMAL_003 (every weight and bias from N(0, 0.03), as in the label-smoothing replication).",
            category = "Network", displayOrder = 3, commandLineParamName = "init",
            commandLineParamSynopsis = "-init <HE_NORMAL|GLOROT_UNIFORM|NORMAL_003>")
    public Initializer getInitializer() {
        return initializer;
    }

    /** @param initializer the weight initialiser */
    public void setInitializer(Initializer initializer) {
        this.initializer = initializer;
    }

    /** @return the option "epochs" (its description says what it does) */
    @OptionMetadata(displayName = "epochs", description = "Passes over the training data.",
            category = "Optimisation", displayOrder = 10, commandLineParamName = "epochs",
            commandLineParamSynopsis = "-epochs <n>")
    public int getEpochs() {
        return epochs;
    }

    /** @param epochs passes over the data */
    public void setEpochs(int epochs) {
        this.epochs = epochs;
    }

    /** @return the option "mini-batch size" (its description says what it does) */
    @OptionMetadata(displayName = "mini-batch size", description = "Training instances per update step.",
            category = "Optimisation", displayOrder = 11, commandLineParamName = "mini-batch",
            commandLineParamSynopsis = "-mini-batch <n>")
    public int getMiniBatchSize() {
        return miniBatchSize;
    }

    /** @param miniBatchSize instances per step */
    public void setMiniBatchSize(int miniBatchSize) {
        this.miniBatchSize = miniBatchSize;
    }

    /** @return the option "optimizer" (its description says what it does) */
    @OptionMetadata(displayName = "optimizer", description = "SGD (with momentum), ADAM or ADAMW.",
            category = "Optimisation", displayOrder = 12, commandLineParamName = "optimizer",
            commandLineParamSynopsis = "-optimizer <SGD|ADAM|ADAMW>")
    public Recipe.OptimizerKind getOptimizer() {
        return optimizer;
    }

    /** @param optimizer the update rule */
    public void setOptimizer(Recipe.OptimizerKind optimizer) {
        this.optimizer = optimizer;
    }

    /** @return the option "learning rate" (its description says what it does) */
    @OptionMetadata(displayName = "learning rate", description = "The (initial) learning rate; Adam works best"
            + " near 0.001.", category = "Optimisation", displayOrder = 13, commandLineParamName = "lr",
            commandLineParamSynopsis = "-lr <rate>")
    public double getLearningRate() {
        return learningRate;
    }

    /** @param learningRate the initial rate */
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    /** @return the option "learning-rate schedule" (its description says what it does) */
    @OptionMetadata(displayName = "learning-rate schedule", description = "CONSTANT, LINEAR (to 0, per epoch),"
            + " STEP (times the step factor every step-epochs epochs) or COSINE (to 0, per step).",
            category = "Optimisation", displayOrder = 14, commandLineParamName = "schedule",
            commandLineParamSynopsis = "-schedule <CONSTANT|LINEAR|STEP|COSINE>")
    public Recipe.Schedule getSchedule() {
        return schedule;
    }

    /** @param schedule the learning-rate schedule */
    public void setSchedule(Recipe.Schedule schedule) {
        this.schedule = schedule;
    }

    /** @return the option "step epochs" (its description says what it does) */
    @OptionMetadata(displayName = "step epochs", description = "STEP schedule: epochs between decays.",
            category = "Optimisation", displayOrder = 17, commandLineParamName = "step-epochs",
            commandLineParamSynopsis = "-step-epochs <n>")
    public int getStepEpochs() {
        return stepEpochs;
    }

    /** @param stepEpochs epochs between decays */
    public void setStepEpochs(int stepEpochs) {
        this.stepEpochs = stepEpochs;
    }

    /** @return the option "step factor" (its description says what it does) */
    @OptionMetadata(displayName = "step factor", description = "STEP schedule: factor in (0, 1] at each decay.",
            category = "Optimisation", displayOrder = 18, commandLineParamName = "step-gamma",
            commandLineParamSynopsis = "-step-gamma <factor>")
    public double getStepGamma() {
        return stepGamma;
    }

    /** @param stepGamma factor at each decay */
    public void setStepGamma(double stepGamma) {
        this.stepGamma = stepGamma;
    }

    /** @return the option "validation fraction" (its description says what it does) */
    @OptionMetadata(displayName = "validation fraction", description = "Fraction of the training data held out"
            + " to validate after each epoch, in [0, 1); 0 for none.", category = "Optimisation", displayOrder = 19,
            commandLineParamName = "validation", commandLineParamSynopsis = "-validation <fraction>")
    public double getValidationFraction() {
        return validationFraction;
    }

    /** @param validationFraction fraction in [0, 1) */
    public void setValidationFraction(double validationFraction) {
        this.validationFraction = validationFraction;
    }

    /** @return the option "early-stopping patience" (its description says what it does) */
    @OptionMetadata(displayName = "early-stopping patience", description = "Epochs without a better validation"
            + " accuracy before training stops and the best epoch's weights are kept; 0 never stops early."
            + " Needs a validation fraction.", category = "Optimisation", displayOrder = 20,
            commandLineParamName = "patience", commandLineParamSynopsis = "-patience <epochs>")
    public int getPatience() {
        return patience;
    }

    /** @param patience epochs, 0 for no early stopping */
    public void setPatience(int patience) {
        this.patience = patience;
    }

    /** @return the option "input preprocessing" (its description says what it does) */
    @OptionMetadata(displayName = "input preprocessing", description = "STANDARDIZE (each encoded input column to"
            + " mean 0 and sd 1 on the training data, part of the saved network) or NONE.", category = "Network",
            displayOrder = 4, commandLineParamName = "preprocessing",
            commandLineParamSynopsis = "-preprocessing <STANDARDIZE|NONE>")
    public Recipe.Preprocessing getPreprocessing() {
        return preprocessing;
    }

    /** @param preprocessing the input preprocessing */
    public void setPreprocessing(Recipe.Preprocessing preprocessing) {
        this.preprocessing = preprocessing;
    }

    /** @return the option "momentum" (its description says what it does) */
    @OptionMetadata(displayName = "momentum", description = "SGD momentum in [0, 1).", category = "Optimisation",
            displayOrder = 15, commandLineParamName = "momentum", commandLineParamSynopsis = "-momentum <m>")
    public double getMomentum() {
        return momentum;
    }

    /** @param momentum SGD momentum */
    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    /** @return the option "weight decay" (its description says what it does) */
    @OptionMetadata(displayName = "weight decay", description = "Weight decay (L2 for SGD and Adam, decoupled"
            + " for AdamW).", category = "Optimisation", displayOrder = 16, commandLineParamName = "weight-decay",
            commandLineParamSynopsis = "-weight-decay <lambda>")
    public double getWeightDecay() {
        return weightDecay;
    }

    /** @param weightDecay the decay coefficient */
    public void setWeightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    /** @return the option "device" (its description says what it does) */
    @OptionMetadata(displayName = "device", description = "Where ONNX Runtime trains and predicts: cpu, cuda or"
            + " cuda:N (cuda needs the GPU build of this package and CUDA 12).", category = "Device",
            displayOrder = 25, commandLineParamName = "device", commandLineParamSynopsis = "-device <cpu|cuda|cuda:N>")
    public String getDevice() {
        return device;
    }

    /** @param device cpu, cuda or cuda:N */
    public void setDevice(String device) {
        this.device = device;
    }

    /** @return the option "threads" (its description says what it does) */
    @OptionMetadata(displayName = "threads", description = "ONNX Runtime threads per operator (0 = the shared pool, one per core).",
            category = "Device", displayOrder = 26, commandLineParamName = "threads",
            commandLineParamSynopsis = "-threads <n>")
    public int getThreads() {
        return threads;
    }

    /** @param threads threads per operator, 0 for one per core */
    public void setThreads(int threads) {
        this.threads = threads;
    }

    @Override
    /** @return the option "seed" (its description says what it does) */
    @OptionMetadata(displayName = "seed", description = "Seed of the initial weights, batch order and dropout.",
            displayOrder = 30, commandLineParamName = "S", commandLineParamSynopsis = "-S <seed>")
    public int getSeed() {
        return seed;
    }

    @Override
    public void setSeed(int seed) {
        this.seed = seed;
    }
}
