package org.temper.onnx.recipe;

import org.temper.onnx.objective.Distillation.SoftTerm;
import org.temper.onnx.objective.LabelSmoothing.Variant;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.zoo.Initializer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The one description of a training run that every front end (the command line, Tribuo, Weka,
 * reproductions and sweeps) maps its settings onto: network, objective, optimizer and schedule,
 * regularisation, input preprocessing, validation and early stopping, augmentation, device, threads
 * and seed. Immutable and always valid: {@link Builder#build()} checks every setting and names the
 * one that is wrong and how to fix it. {@link #defaults()} holds the one set of defaults; the table
 * of settings in docs/settings.md is {@link #settings()} of the defaults.
 * Settings that only one objective reads (alpha, the penalty's, the distillation's) are kept whatever
 * the objective; {@link #settings()} lists those of the chosen objective only.
 * {@link Builder#set(String, String)} applies one setting given as text, by the names and in the
 * notation of {@link #settings()}, so that a recipe round-trips through its settings.
 */
public final class Recipe {

    /** The network trained when no imported network is given. */
    public enum Architecture {
        /** A multilayer perceptron with ReLU hidden layers ({@link #hidden()}). */
        MLP,
        /** LeNet-5, for image examples. */
        LENET,
        /** The two-convolution AlexNet of Mueller et al., for image examples. */
        ALEXNET
    }

    /** The loss trained on the logits. */
    public enum ObjectiveKind {
        /** Cross-entropy with one-hot targets. */
        HARD_TARGETS,
        /** Cross-entropy with label smoothing ({@link #alpha()}, {@link #smoothing()}). */
        LABEL_SMOOTHING,
        /** Cross-entropy minus an entropy bonus ({@link #penalty()}, {@link #annealing()}, {@link #hinge()}). */
        CONFIDENCE_PENALTY,
        /** Distillation from a teacher's logits ({@link #temperature()}, {@link #softWeight()}, {@link #softTerm()}). */
        DISTILLATION
    }

    /** How the confidence penalty's weight grows over training. */
    public enum Annealing {
        /** The full weight from the first step. */
        CONSTANT,
        /** From 0 at the first step to the full weight at the last, linearly. */
        LINEAR,
        /** From 0 to the full weight, rising early: (1 - exp(-5 progress)) / (1 - exp(-5)). */
        EXPONENTIAL
    }

    /** The update rule. */
    public enum OptimizerKind {
        /** SGD with momentum, dampening and Nesterov as PyTorch defines them, L2 weight decay. */
        SGD,
        /** Adam with L2 weight decay. */
        ADAM,
        /** Adam with decoupled weight decay. */
        ADAMW
    }

    /** How the learning rate changes over training. */
    public enum Schedule {
        /** The same rate throughout. */
        CONSTANT,
        /** Falling linearly to 0 at the end of the last epoch, stepped per epoch. */
        LINEAR,
        /** Multiplied by {@link #stepGamma()} every {@link #stepEpochs()} epochs. */
        STEP,
        /** Cosine annealing to 0 over the run, stepped per step. */
        COSINE
    }

    /** What is done to the input features before the network sees them. */
    public enum Preprocessing {
        /** Per-feature standardisation fitted on the training data, baked into the saved model. */
        STANDARDIZE,
        /** Features as given (the papers' recipes train on raw [0, 1] pixels). */
        NONE
    }

    private static final Recipe DEFAULTS = new Builder().build();
    /** What {@link #settings()} says of an imported network without a named logits output. */
    private static final String DEFAULT_LOGITS = "(logits or the only output)";
    /** The word {@link #settings()} writes for an absent optional setting. */
    private static final String NONE = "none";

    private final Architecture architecture;
    private final int[] hidden;
    private final double dropout;
    private final Initializer initializer;
    private final double[] layerRates;
    private final Path importedNetwork;
    private final String importedLogits;
    private final ObjectiveKind objective;
    private final double alpha;
    private final Variant smoothing;
    private final double penalty;
    private final Annealing annealing;
    private final Double hinge;
    private final double temperature;
    private final double softWeight;
    private final SoftTerm softTerm;
    private final OptimizerKind optimizer;
    private final double learningRate;
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final Schedule schedule;
    private final int stepEpochs;
    private final double stepGamma;
    private final double clipNorm;
    private final int epochs;
    private final int batchSize;
    private final double validationFraction;
    private final int patience;
    private final int augmentShift;
    private final long timeBudgetSeconds;
    private final Preprocessing preprocessing;
    private final String device;
    private final int threads;
    private final long seed;

    private Recipe(Builder b) {
        architecture = b.architecture;
        hidden = b.hidden.clone();
        dropout = b.dropout;
        initializer = b.initializer;
        layerRates = b.layerRates == null ? null : b.layerRates.clone();
        importedNetwork = b.importedNetwork;
        importedLogits = b.importedLogits;
        objective = b.objective;
        alpha = b.alpha;
        smoothing = b.smoothing;
        penalty = b.penalty;
        annealing = b.annealing;
        hinge = b.hinge;
        temperature = b.temperature;
        softWeight = b.softWeight;
        softTerm = b.softTerm;
        optimizer = b.optimizer;
        learningRate = b.learningRate;
        momentum = b.momentum;
        dampening = b.dampening;
        nesterov = b.nesterov;
        weightDecay = b.weightDecay;
        schedule = b.schedule;
        stepEpochs = b.stepEpochs;
        stepGamma = b.stepGamma;
        clipNorm = b.clipNorm;
        epochs = b.epochs;
        batchSize = b.batchSize;
        validationFraction = b.validationFraction;
        patience = b.patience;
        augmentShift = b.augmentShift;
        timeBudgetSeconds = b.timeBudgetSeconds;
        preprocessing = b.preprocessing;
        device = b.device;
        threads = b.threads;
        seed = b.seed;
    }

    /** @return the defaults every front end shares */
    public static Recipe defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the network trained when {@link #importedNetwork()} is null; default MLP */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the MLP's hidden layer widths; default {256} */
    public int[] hidden() {
        return hidden.clone();
    }

    /** @return dropout after each hidden layer, in [0, 1); default 0 */
    public double dropout() {
        return dropout;
    }

    /** @return the weight initialiser; default HE_NORMAL */
    public Initializer initializer() {
        return initializer;
    }

    /** @return the MLP's learning-rate multiplier per layer (hidden layers, then output), or null for all 1 */
    public double[] layerRates() {
        return layerRates == null ? null : layerRates.clone();
    }

    /** @return a forward network exported elsewhere to train instead of the architecture, or null */
    public Path importedNetwork() {
        return importedNetwork;
    }

    /** @return the imported network's logits output, or null for "logits" or its only output */
    public String importedLogits() {
        return importedLogits;
    }

    /** @return the loss; default LABEL_SMOOTHING */
    public ObjectiveKind objective() {
        return objective;
    }

    /** @return label smoothing's strength in [0, 1); default 0.1 */
    public double alpha() {
        return alpha;
    }

    /** @return where the smoothing mass goes; default UNIFORM (1/K); PRIOR uses the training class frequencies */
    public Variant smoothing() {
        return smoothing;
    }

    /** @return the confidence penalty's weight beta &gt;= 0; default 0.5 */
    public double penalty() {
        return penalty;
    }

    /** @return how the penalty's weight grows; default CONSTANT */
    public Annealing annealing() {
        return annealing;
    }

    /** @return the hinge threshold G in nats (only entropy below G is penalised), or null for the plain penalty */
    public Double hinge() {
        return hinge;
    }

    /** @return the distillation temperature T &gt; 0; default 4 */
    public double temperature() {
        return temperature;
    }

    /** @return the weight b in [0, 1] of the distillation's soft term; default 0.6 */
    public double softWeight() {
        return softWeight;
    }

    /** @return the distillation's soft term; default SOFT_CROSS_ENTROPY (T^2-scaled) */
    public SoftTerm softTerm() {
        return softTerm;
    }

    /** @return the update rule; default SGD */
    public OptimizerKind optimizer() {
        return optimizer;
    }

    /** @return the base learning rate; default 0.05 */
    public double learningRate() {
        return learningRate;
    }

    /** @return SGD momentum in [0, 1); default 0.9 */
    public double momentum() {
        return momentum;
    }

    /** @return SGD dampening in [0, 1]; default 0 */
    public double dampening() {
        return dampening;
    }

    /** @return whether SGD uses Nesterov momentum; default false */
    public boolean nesterov() {
        return nesterov;
    }

    /** @return weight decay (L2 for SGD and ADAM, decoupled for ADAMW); default 0 */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return the learning-rate schedule; default CONSTANT */
    public Schedule schedule() {
        return schedule;
    }

    /** @return STEP schedule: epochs between decays; default 10 */
    public int stepEpochs() {
        return stepEpochs;
    }

    /** @return STEP schedule: factor at each decay; default 0.1 */
    public double stepGamma() {
        return stepGamma;
    }

    /** @return the largest global gradient norm, 0 for no clipping; default 0 */
    public double clipNorm() {
        return clipNorm;
    }

    /** @return passes over the training data; default 20 */
    public int epochs() {
        return epochs;
    }

    /** @return examples per step; default 64 */
    public int batchSize() {
        return batchSize;
    }

    /** @return the fraction of the training data held out for validation, in [0, 1); default 0 */
    public double validationFraction() {
        return validationFraction;
    }

    /** @return epochs without a better validation accuracy before stopping, 0 for never; default 0 */
    public int patience() {
        return patience;
    }

    /** @return the largest random image shift in pixels per epoch, 0 for none; default 0 */
    public int augmentShift() {
        return augmentShift;
    }

    /** @return wall-clock limit of training in seconds, 0 for none; default 0 */
    public long timeBudgetSeconds() {
        return timeBudgetSeconds;
    }

    /** @return the input preprocessing; default STANDARDIZE */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** @return where ONNX Runtime runs: cpu, cuda or cuda:N; default cpu */
    public String device() {
        return device;
    }

    /** @return ONNX Runtime threads per operator, 0 for the shared pool of one per core; default 0 */
    public int threads() {
        return threads;
    }

    /** @return seed of initialisation, validation split, batch order, augmentation and dropout; default 1 */
    public long seed() {
        return seed;
    }

    /**
     * Every setting that shapes the run, by name, in a fixed order: the network's, the chosen
     * objective's, then the optimisation's. Written into saved models, Tribuo's provenance and logs.
     * @return an ordered, unmodifiable map from setting name to its value as text
     */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        if (importedNetwork != null) {
            m.put("importedNetwork", importedNetwork.toString());
            m.put("importedLogits", importedLogits == null ? DEFAULT_LOGITS : importedLogits);
        } else {
            m.put("architecture", name(architecture));
            if (architecture == Architecture.MLP) {
                m.put("hidden", Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(",")));
            }
            m.put("dropout", number(dropout));
            m.put("initializer", initializer.name());
            if (layerRates != null) {
                m.put("layerRates", Arrays.stream(layerRates).mapToObj(Recipe::number).collect(Collectors.joining(",")));
            }
        }
        m.put("objective", name(objective));
        switch (objective) {
            case HARD_TARGETS -> { }
            case LABEL_SMOOTHING -> {
                m.put("alpha", number(alpha));
                m.put("smoothing", name(smoothing));
            }
            case CONFIDENCE_PENALTY -> {
                m.put("penalty", number(penalty));
                m.put("annealing", name(annealing));
                m.put("hinge", hinge == null ? NONE : number(hinge));
            }
            case DISTILLATION -> {
                m.put("temperature", number(temperature));
                m.put("softWeight", number(softWeight));
                m.put("softTerm", name(softTerm));
            }
        }
        m.put("optimizer", name(optimizer));
        m.put("learningRate", number(learningRate));
        if (optimizer == OptimizerKind.SGD) {
            m.put("momentum", number(momentum));
            m.put("dampening", number(dampening));
            m.put("nesterov", Boolean.toString(nesterov));
        }
        m.put("weightDecay", number(weightDecay));
        m.put("schedule", name(schedule));
        if (schedule == Schedule.STEP) {
            m.put("stepEpochs", Integer.toString(stepEpochs));
            m.put("stepGamma", number(stepGamma));
        }
        m.put("clipNorm", clipNorm == 0 ? NONE : number(clipNorm));
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("validationFraction", number(validationFraction));
        m.put("patience", Integer.toString(patience));
        m.put("augmentShift", Integer.toString(augmentShift));
        m.put("timeBudgetSeconds", timeBudgetSeconds == 0 ? NONE : Long.toString(timeBudgetSeconds));
        m.put("preprocessing", name(preprocessing));
        m.put("device", device);
        m.put("threads", Integer.toString(threads));
        m.put("seed", Long.toString(seed));
        return Collections.unmodifiableMap(m);
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "Recipe{", "}"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipe r && r.settings().equals(settings());
    }

    @Override
    public int hashCode() {
        return settings().hashCode();
    }

    /**
     * @return the name of every setting that {@link Builder#set(String, String)} accepts, in the order of
     *         {@link #settings()} (a superset of any one recipe's settings)
     */
    public static Set<String> settingNames() {
        return Builder.SETTERS.keySet();
    }

    /** Sets the settings one by one; {@link #build()} checks them all. Starts from the defaults. */
    public static final class Builder {
        /** Each setting's parser from the text of {@link Recipe#settings()}, by name: the one text notation. */
        private static final Map<String, BiConsumer<Builder, String>> SETTERS = setters();

        private static Map<String, BiConsumer<Builder, String>> setters() {
            Map<String, BiConsumer<Builder, String>> m = new LinkedHashMap<>();
            m.put("importedNetwork", (b, v) -> b.importedNetwork(isNone(v) ? null : Path.of(v), b.importedLogits));
            m.put("importedLogits", (b, v) -> b.importedLogits = v.equals(DEFAULT_LOGITS) || v.isEmpty() ? null : v);
            m.put("architecture", (b, v) -> b.architecture = choice("architecture", v, Architecture.class));
            m.put("hidden", (b, v) -> b.hidden = isNone(v) ? new int[0]
                    : Arrays.stream(list("hidden", v)).mapToInt(x -> (int) whole("hidden", x, Integer.MAX_VALUE)).toArray());
            m.put("dropout", (b, v) -> b.dropout = decimal("dropout", v));
            m.put("initializer", (b, v) -> b.initializer = choice("initializer", v, Initializer.class));
            m.put("layerRates", (b, v) -> b.layerRates = isNone(v) ? null
                    : Arrays.stream(list("layerRates", v)).mapToDouble(x -> decimal("layerRates", x)).toArray());
            m.put("objective", (b, v) -> b.objective = choice("objective", v, ObjectiveKind.class));
            m.put("alpha", (b, v) -> b.alpha = decimal("alpha", v));
            m.put("smoothing", (b, v) -> b.smoothing = choice("smoothing", v, Variant.class));
            m.put("penalty", (b, v) -> b.penalty = decimal("penalty", v));
            m.put("annealing", (b, v) -> b.annealing = choice("annealing", v, Annealing.class));
            m.put("hinge", (b, v) -> b.hinge = isNone(v) ? null : decimal("hinge", v));
            m.put("temperature", (b, v) -> b.temperature = decimal("temperature", v));
            m.put("softWeight", (b, v) -> b.softWeight = decimal("softWeight", v));
            m.put("softTerm", (b, v) -> b.softTerm = choice("softTerm", v, SoftTerm.class));
            m.put("optimizer", (b, v) -> b.optimizer = choice("optimizer", v, OptimizerKind.class));
            m.put("learningRate", (b, v) -> b.learningRate = decimal("learningRate", v));
            m.put("momentum", (b, v) -> b.momentum = decimal("momentum", v));
            m.put("dampening", (b, v) -> b.dampening = decimal("dampening", v));
            m.put("nesterov", (b, v) -> b.nesterov = bool("nesterov", v));
            m.put("weightDecay", (b, v) -> b.weightDecay = decimal("weightDecay", v));
            m.put("schedule", (b, v) -> b.schedule = choice("schedule", v, Schedule.class));
            m.put("stepEpochs", (b, v) -> b.stepEpochs = (int) whole("stepEpochs", v, Integer.MAX_VALUE));
            m.put("stepGamma", (b, v) -> b.stepGamma = decimal("stepGamma", v));
            m.put("clipNorm", (b, v) -> b.clipNorm = isNone(v) ? 0 : decimal("clipNorm", v));
            m.put("epochs", (b, v) -> b.epochs = (int) whole("epochs", v, Integer.MAX_VALUE));
            m.put("batchSize", (b, v) -> b.batchSize = (int) whole("batchSize", v, Integer.MAX_VALUE));
            m.put("validationFraction", (b, v) -> b.validationFraction = decimal("validationFraction", v));
            m.put("patience", (b, v) -> b.patience = (int) whole("patience", v, Integer.MAX_VALUE));
            m.put("augmentShift", (b, v) -> b.augmentShift = (int) whole("augmentShift", v, Integer.MAX_VALUE));
            m.put("timeBudgetSeconds", (b, v) -> b.timeBudgetSeconds = isNone(v) ? 0
                    : whole("timeBudgetSeconds", v, Long.MAX_VALUE));
            m.put("preprocessing", (b, v) -> b.preprocessing = choice("preprocessing", v, Preprocessing.class));
            m.put("device", (b, v) -> b.device = v);
            m.put("threads", (b, v) -> b.threads = (int) whole("threads", v, Integer.MAX_VALUE));
            m.put("seed", (b, v) -> b.seed = whole("seed", v, Long.MAX_VALUE));
            return Collections.unmodifiableMap(m);
        }
        private Architecture architecture = Architecture.MLP;
        private int[] hidden = {256};
        private double dropout = 0;
        private Initializer initializer = Initializer.HE_NORMAL;
        private double[] layerRates;
        private Path importedNetwork;
        private String importedLogits;
        private ObjectiveKind objective = ObjectiveKind.LABEL_SMOOTHING;
        private double alpha = 0.1;
        private Variant smoothing = Variant.UNIFORM;
        private double penalty = 0.5;
        private Annealing annealing = Annealing.CONSTANT;
        private Double hinge;
        private double temperature = 4;
        private double softWeight = 0.6;
        private SoftTerm softTerm = SoftTerm.SOFT_CROSS_ENTROPY;
        private OptimizerKind optimizer = OptimizerKind.SGD;
        private double learningRate = 0.05;
        private double momentum = 0.9;
        private double dampening = 0;
        private boolean nesterov;
        private double weightDecay = 0;
        private Schedule schedule = Schedule.CONSTANT;
        private int stepEpochs = 10;
        private double stepGamma = 0.1;
        private double clipNorm = 0;
        private int epochs = 20;
        private int batchSize = 64;
        private double validationFraction = 0;
        private int patience = 0;
        private int augmentShift = 0;
        private long timeBudgetSeconds = 0;
        private Preprocessing preprocessing = Preprocessing.STANDARDIZE;
        private String device = "cpu";
        private int threads = 0;
        private long seed = 1;

        private Builder() {
        }

        private Builder(Recipe r) {
            architecture = r.architecture;
            hidden = r.hidden.clone();
            dropout = r.dropout;
            initializer = r.initializer;
            layerRates = r.layerRates == null ? null : r.layerRates.clone();
            importedNetwork = r.importedNetwork;
            importedLogits = r.importedLogits;
            objective = r.objective;
            alpha = r.alpha;
            smoothing = r.smoothing;
            penalty = r.penalty;
            annealing = r.annealing;
            hinge = r.hinge;
            temperature = r.temperature;
            softWeight = r.softWeight;
            softTerm = r.softTerm;
            optimizer = r.optimizer;
            learningRate = r.learningRate;
            momentum = r.momentum;
            dampening = r.dampening;
            nesterov = r.nesterov;
            weightDecay = r.weightDecay;
            schedule = r.schedule;
            stepEpochs = r.stepEpochs;
            stepGamma = r.stepGamma;
            clipNorm = r.clipNorm;
            epochs = r.epochs;
            batchSize = r.batchSize;
            validationFraction = r.validationFraction;
            patience = r.patience;
            augmentShift = r.augmentShift;
            timeBudgetSeconds = r.timeBudgetSeconds;
            preprocessing = r.preprocessing;
            device = r.device;
            threads = r.threads;
            seed = r.seed;
        }

        /**
         * @param v the architecture
         * @return this
         */
        public Builder architecture(Architecture v) {
            architecture = v;
            return this;
        }

        /**
         * @param v hidden layer widths of the MLP, possibly none
         * @return this
         */
        public Builder hidden(int... v) {
            hidden = v.clone();
            return this;
        }

        /**
         * @param v dropout probability
         * @return this
         */
        public Builder dropout(double v) {
            dropout = v;
            return this;
        }

        /**
         * @param v the weight initialiser
         * @return this
         */
        public Builder initializer(Initializer v) {
            initializer = v;
            return this;
        }

        /**
         * @param v per-layer learning-rate multipliers of the MLP, or null for all 1
         * @return this
         */
        public Builder layerRates(double... v) {
            layerRates = v == null ? null : v.clone();
            return this;
        }

        /**
         * @param file an ONNX forward network to train instead of the architecture, or null for none
         * @param logits its logits output, or null for "logits" or its only output
         * @return this
         */
        public Builder importedNetwork(Path file, String logits) {
            importedNetwork = file;
            importedLogits = logits == null || logits.isEmpty() ? null : logits;
            return this;
        }

        /**
         * @param v the objective
         * @return this
         */
        public Builder objective(ObjectiveKind v) {
            objective = v;
            return this;
        }

        /**
         * @param v label smoothing's alpha
         * @return this
         */
        public Builder alpha(double v) {
            alpha = v;
            return this;
        }

        /**
         * @param v where smoothing mass goes
         * @return this
         */
        public Builder smoothing(Variant v) {
            smoothing = v;
            return this;
        }

        /**
         * @param v the confidence penalty's weight
         * @return this
         */
        public Builder penalty(double v) {
            penalty = v;
            return this;
        }

        /**
         * @param v the penalty's annealing
         * @return this
         */
        public Builder annealing(Annealing v) {
            annealing = v;
            return this;
        }

        /**
         * @param v the hinge threshold in nats, or null for the plain penalty
         * @return this
         */
        public Builder hinge(Double v) {
            hinge = v;
            return this;
        }

        /**
         * @param v distillation temperature
         * @return this
         */
        public Builder temperature(double v) {
            temperature = v;
            return this;
        }

        /**
         * @param v weight of the distillation's soft term
         * @return this
         */
        public Builder softWeight(double v) {
            softWeight = v;
            return this;
        }

        /**
         * @param v the distillation's soft term
         * @return this
         */
        public Builder softTerm(SoftTerm v) {
            softTerm = v;
            return this;
        }

        /**
         * @param v the update rule
         * @return this
         */
        public Builder optimizer(OptimizerKind v) {
            optimizer = v;
            return this;
        }

        /**
         * @param v the base learning rate
         * @return this
         */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /**
         * @param v SGD momentum
         * @return this
         */
        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        /**
         * @param v SGD dampening
         * @return this
         */
        public Builder dampening(double v) {
            dampening = v;
            return this;
        }

        /**
         * @param v Nesterov momentum
         * @return this
         */
        public Builder nesterov(boolean v) {
            nesterov = v;
            return this;
        }

        /**
         * @param v weight decay
         * @return this
         */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /**
         * @param v the learning-rate schedule
         * @return this
         */
        public Builder schedule(Schedule v) {
            schedule = v;
            return this;
        }

        /**
         * @param v STEP schedule: epochs between decays
         * @return this
         */
        public Builder stepEpochs(int v) {
            stepEpochs = v;
            return this;
        }

        /**
         * @param v STEP schedule: factor at each decay
         * @return this
         */
        public Builder stepGamma(double v) {
            stepGamma = v;
            return this;
        }

        /**
         * @param v the largest global gradient norm, 0 for none
         * @return this
         */
        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        /**
         * @param v passes over the data
         * @return this
         */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /**
         * @param v examples per step
         * @return this
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * @param v validation fraction in [0, 1)
         * @return this
         */
        public Builder validationFraction(double v) {
            validationFraction = v;
            return this;
        }

        /**
         * @param v early-stopping patience in epochs, 0 for never
         * @return this
         */
        public Builder patience(int v) {
            patience = v;
            return this;
        }

        /**
         * @param v largest random image shift in pixels
         * @return this
         */
        public Builder augmentShift(int v) {
            augmentShift = v;
            return this;
        }

        /**
         * @param v wall-clock limit in seconds, 0 for none
         * @return this
         */
        public Builder timeBudgetSeconds(long v) {
            timeBudgetSeconds = v;
            return this;
        }

        /**
         * @param v the input preprocessing
         * @return this
         */
        public Builder preprocessing(Preprocessing v) {
            preprocessing = v;
            return this;
        }

        /**
         * @param v cpu, cuda or cuda:N
         * @return this
         */
        public Builder device(String v) {
            device = v;
            return this;
        }

        /**
         * @param v threads per operator, 0 for the shared pool
         * @return this
         */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /**
         * @param v the seed
         * @return this
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * Applies one setting given as text, as {@link Recipe#settings()} writes it: enum values by name in
         * any case (label_smoothing, he_normal), lists comma-separated (hidden 256,128), {@code none} for an
         * absent optional setting (hidden none is a linear model). The range checks stay in {@link #build()}.
         * @param name a setting's name, one of {@link Recipe#settingNames()}
         * @param value its value as text
         * @return this
         * @throws IllegalArgumentException naming the setting: an unknown name (with the known ones) or a value
         *         that is not of the setting's kind
         */
        public Builder set(String name, String value) {
            BiConsumer<Builder, String> setter = SETTERS.get(name);
            if (setter == null) {
                String near = SETTERS.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                        .map(k -> "did you mean " + k + "? ").orElse("");
                throw new IllegalArgumentException("unknown setting '" + name + "': " + near + "the settings are "
                        + String.join(", ", SETTERS.keySet()) + " (see docs/settings.md)");
            }
            setter.accept(this, value.strip());
            return this;
        }

        private static boolean isNone(String v) {
            return v.isEmpty() || v.equalsIgnoreCase(NONE);
        }

        private static String[] list(String setting, String v) {
            String[] parts = v.split(",", -1);
            for (String p : parts) {
                if (p.isBlank()) {
                    throw new IllegalArgumentException(setting + " = " + v + ": an empty item; give numbers"
                            + " separated by commas, e.g. 256,128");
                }
            }
            return Arrays.stream(parts).map(String::strip).toArray(String[]::new);
        }

        private static double decimal(String setting, String v) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(setting + " = " + v + ": not a number; give a decimal number"
                        + " such as " + DEFAULTS.settings().getOrDefault(setting, "0.1"), e);
            }
        }

        private static long whole(String setting, String v, long max) {
            try {
                long n = Long.parseLong(v);
                if (n > max) {
                    throw new IllegalArgumentException(setting + " = " + v + ": too large; give at most " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(setting + " = " + v + ": not a whole number; give one such as "
                        + DEFAULTS.settings().getOrDefault(setting, "1"), e);
            }
        }

        private static boolean bool(String setting, String v) {
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw new IllegalArgumentException(setting + " = " + v + ": give true or false");
        }

        private static <E extends Enum<E>> E choice(String setting, String v, Class<E> type) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v)) {
                    return e;
                }
            }
            throw new IllegalArgumentException(setting + " = " + v + ": choose one of " + Arrays.stream(
                    type.getEnumConstants()).map(Recipe::name).collect(Collectors.joining(", ")));
        }

        /**
         * @return the checked recipe
         * @throws IllegalArgumentException naming the first wrong setting, its value and the fix
         */
        public Recipe build() {
            validate();
            return new Recipe(this);
        }

        private void validate() {
            require(architecture != null, "architecture", architecture, "choose mlp, lenet or alexnet");
            require(hidden != null, "hidden", "null", "give the hidden widths, or none for a linear model");
            for (int h : hidden) {
                require(h > 0 && h <= RecipeLimits.MAX_WIDTH, "hidden", Arrays.toString(hidden),
                        "every hidden width must be in [1, " + RecipeLimits.MAX_WIDTH + "]");
            }
            require(dropout >= 0 && dropout < 1, "dropout", dropout, "give a probability in [0, 1)");
            require(initializer != null, "initializer", "null", "choose HE_NORMAL, GLOROT_UNIFORM or NORMAL_003");
            if (layerRates != null) {
                require(architecture == Architecture.MLP && importedNetwork == null, "layerRates",
                        Arrays.toString(layerRates), "per-layer learning rates apply to the MLP only");
                require(layerRates.length == hidden.length + 1, "layerRates", Arrays.toString(layerRates),
                        "give " + (hidden.length + 1) + " multipliers (hidden layers, then output)");
                for (double r : layerRates) {
                    require(r >= 0 && Double.isFinite(r), "layerRates", Arrays.toString(layerRates),
                            "every multiplier must be finite and >= 0");
                }
            }
            require(objective != null, "objective", "null",
                    "choose hard_targets, label_smoothing, confidence_penalty or distillation");
            require(alpha >= 0 && alpha < 1, "alpha", alpha, "label smoothing's alpha must be in [0, 1), e.g. 0.1");
            require(smoothing != null, "smoothing", "null", "choose uniform, other_classes or prior");
            require(penalty >= 0 && Double.isFinite(penalty), "penalty", penalty,
                    "the confidence penalty's weight must be finite and >= 0, e.g. 0.5");
            require(annealing != null, "annealing", "null", "choose constant, linear or exponential");
            require(hinge == null || hinge >= 0 && Double.isFinite(hinge), "hinge", hinge,
                    "the hinge threshold is an entropy in nats >= 0; leave it unset for the plain penalty");
            require(temperature > 0 && Double.isFinite(temperature), "temperature", temperature,
                    "the distillation temperature must be finite and > 0, e.g. 4");
            require(softWeight >= 0 && softWeight <= 1, "softWeight", softWeight,
                    "the soft term's weight must be in [0, 1], e.g. 0.6");
            require(softTerm != null, "softTerm", "null",
                    "choose soft_cross_entropy, mse_logits or mse_softened_probabilities");
            require(optimizer != null, "optimizer", "null", "choose sgd, adam or adamw");
            require(learningRate > 0 && Double.isFinite(learningRate) && learningRate <= RecipeLimits.MAX_LEARNING_RATE,
                    "learningRate", learningRate, "give a finite rate in (0, " + RecipeLimits.MAX_LEARNING_RATE
                            + "], e.g. 0.05 for SGD or 0.001 for Adam");
            require(momentum >= 0 && momentum < 1, "momentum", momentum, "SGD momentum must be in [0, 1), e.g. 0.9");
            require(dampening >= 0 && dampening <= 1, "dampening", dampening, "SGD dampening must be in [0, 1]");
            require(!nesterov || momentum > 0 && dampening == 0, "nesterov", nesterov,
                    "Nesterov momentum needs momentum > 0 and dampening 0");
            require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay,
                    "weight decay must be finite and >= 0");
            require(schedule != null, "schedule", "null", "choose constant, linear, step or cosine");
            require(stepEpochs > 0, "stepEpochs", stepEpochs, "the STEP schedule decays every n >= 1 epochs");
            require(stepGamma > 0 && stepGamma <= 1, "stepGamma", stepGamma, "the STEP schedule's factor must be in (0, 1]");
            require(clipNorm >= 0 && Double.isFinite(clipNorm), "clipNorm", clipNorm,
                    "give the largest gradient norm (> 0), or 0 for no clipping");
            require(epochs > 0 && epochs <= RecipeLimits.MAX_EPOCHS, "epochs", epochs,
                    "give a number of epochs in [1, " + RecipeLimits.MAX_EPOCHS + "]");
            require(batchSize > 0 && batchSize <= RecipeLimits.MAX_BATCH, "batchSize", batchSize,
                    "give a batch size in [1, " + RecipeLimits.MAX_BATCH + "]");
            require(validationFraction >= 0 && validationFraction < 1, "validationFraction", validationFraction,
                    "give a fraction in [0, 1), e.g. 0.1, or 0 for no validation");
            require(patience >= 0, "patience", patience, "give epochs >= 1, or 0 for no early stopping");
            require(patience == 0 || validationFraction > 0, "patience", patience,
                    "early stopping needs validation data: set validationFraction (e.g. 0.1)");
            require(augmentShift >= 0 && augmentShift <= RecipeLimits.MAX_SHIFT, "augmentShift", augmentShift,
                    "give a shift in pixels in [0, " + RecipeLimits.MAX_SHIFT + "]");
            require(timeBudgetSeconds >= 0, "timeBudgetSeconds", timeBudgetSeconds,
                    "give a positive number of seconds, or 0 for no limit");
            require(preprocessing != null, "preprocessing", "null", "choose standardize or none");
            require(device != null, "device", "null", "give cpu, cuda or cuda:N");
            try {
                Device.parse(device);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("device '" + device + "': " + e.getMessage(), e);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            require(threads >= 0 && threads <= RecipeLimits.threadLimit(), "threads", threads,
                    "give 1 to " + RecipeLimits.threadLimit() + " (this machine has " + cores
                            + " processors), or 0 for one per core");
            if (importedNetwork != null) {
                require(architecture == Architecture.MLP, "importedNetwork", importedNetwork,
                        "an imported network replaces the architecture: leave architecture at mlp");
            }
        }

        private static void require(boolean ok, String setting, Object value, String fix) {
            if (!ok) {
                throw new IllegalArgumentException(setting + " = " + value + ": " + fix);
            }
        }
    }
}
