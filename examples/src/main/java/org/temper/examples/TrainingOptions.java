package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.TeacherLogits;
import org.temper.onnx.objective.Distillation.SoftTerm;
import org.temper.onnx.objective.LabelSmoothing.Variant;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.temper.onnx.zoo.Initializer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training options of {@code temper train}: a thin holder of the recipe's settings, each option's
 * default taken from {@link Recipe#defaults()}, mapped onto one {@link Recipe} by {@link #recipe()}.
 */
final class TrainingOptions {

    private static final Recipe DEFAULTS = Recipe.defaults();
    /** Options that only some objectives read, with the objectives that read them. */
    private static final Map<String, String> OBJECTIVE_OPTIONS = Map.of("--alpha", "ls", "--smoothing", "ls",
            "--beta", "cp kd", "--anneal", "cp", "--hinge", "cp", "--teacher", "kd", "--temperature", "kd",
            "--soft-loss", "kd");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;
    private static final Map<String, Recipe.ObjectiveKind> OBJECTIVES = Map.of("ce", Recipe.ObjectiveKind.HARD_TARGETS,
            "ls", Recipe.ObjectiveKind.LABEL_SMOOTHING, "cp", Recipe.ObjectiveKind.CONFIDENCE_PENALTY,
            "kd", Recipe.ObjectiveKind.DISTILLATION);
    private static final Map<String, SoftTerm> SOFT_TERMS = Map.of("ce", SoftTerm.SOFT_CROSS_ENTROPY,
            "mse-logits", SoftTerm.MSE_LOGITS, "mse-probs", SoftTerm.MSE_SOFTENED_PROBABILITIES);
    private static final Map<String, Variant> SMOOTHINGS = Map.of("uniform", Variant.UNIFORM,
            "other", Variant.OTHER_CLASSES, "prior", Variant.PRIOR);

    @Option(names = "--net", description = "Network: mlp, lenet (LeNet-5) or alexnet (the two-convolution AlexNet of"
            + " Mueller et al.); the convolutional ones need image data. Default: ${DEFAULT-VALUE}.")
    Recipe.Architecture net = DEFAULTS.architecture();

    @Option(names = "--import", paramLabel = "NETWORK.onnx",
            description = "Train a forward network exported elsewhere (e.g. torch.onnx.export) instead of --net.")
    Path importFile;

    @Option(names = "--import-logits", paramLabel = "NAME",
            description = "The imported network's logits output (default: 'logits' or its only output).")
    String importLogits;

    @Option(names = "--hidden", split = ",", paramLabel = "H1,H2,...",
            description = "Hidden layer widths of the MLP (lenet and alexnet have fixed widths). Default: ${DEFAULT-VALUE}.")
    int[] hidden = DEFAULTS.hidden();

    @Option(names = "--dropout", description = "Dropout after each fully connected hidden layer. Default: ${DEFAULT-VALUE}.")
    double dropout = DEFAULTS.dropout();

    @Option(names = "--init", description = "Initialiser: he_normal, glorot_uniform or normal_003. Default: ${DEFAULT-VALUE}.")
    Initializer init = DEFAULTS.initializer();

    @Option(names = "--layer-rates", split = ",", paramLabel = "M1,M2,...",
            description = "MLP: learning-rate multiplier per layer (hidden layers, then output), e.g. 1,1,0.1.")
    double[] layerRates;

    @Option(names = "--objective", description = "ce (hard targets), ls (label smoothing), cp (confidence penalty) or"
            + " kd (distillation). Default: ls.")
    String objective = "ls";

    @Option(names = "--alpha", description = "ls: smoothing strength in [0, 1). Default: ${DEFAULT-VALUE}.")
    double alpha = DEFAULTS.alpha();

    @Option(names = "--smoothing", description = "ls: where the mass goes: uniform (1/K), other (the K-1 wrong classes)"
            + " or prior (the training class frequencies). Default: uniform.")
    String smoothing = "uniform";

    @Option(names = "--beta", description = "cp: the penalty's weight (default 0.5); kd: the soft term's weight"
            + " (default 0.6).")
    Double beta;

    @Option(names = "--anneal", description = "cp: weight schedule constant, linear or exponential. Default: ${DEFAULT-VALUE}.")
    Recipe.Annealing anneal = DEFAULTS.annealing();

    @Option(names = "--hinge", paramLabel = "G", description = "cp: penalise only entropy below G nats (hinge);"
            + " without it the plain penalty.")
    Double hinge;

    @Option(names = "--teacher", paramLabel = "MODEL.onnx", description = "kd: the teacher model (any classifier ONNX file;"
            + " classes matched by name, probabilities recognised and turned into logits).")
    Path teacher;

    @Option(names = "--temperature", description = "kd: temperature T > 0. Default: ${DEFAULT-VALUE}.")
    double temperature = DEFAULTS.temperature();

    @Option(names = "--soft-loss", description = "kd: soft term ce (T^2-scaled soft cross-entropy), mse-logits or"
            + " mse-probs. Default: ce.")
    String softLoss = "ce";

    @Option(names = "--epochs", description = "Epochs. Default: ${DEFAULT-VALUE}.")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--optimizer", description = "sgd, adam or adamw. Default: ${DEFAULT-VALUE}.")
    Recipe.OptimizerKind optimizer = DEFAULTS.optimizer();

    @Option(names = "--lr", description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double lr = DEFAULTS.learningRate();

    @Option(names = "--schedule", description = "Learning-rate schedule: constant, linear (to 0, per epoch), step or"
            + " cosine. Default: ${DEFAULT-VALUE}.")
    Recipe.Schedule schedule = DEFAULTS.schedule();

    @Option(names = "--step-every", description = "step schedule: epochs between decays. Default: ${DEFAULT-VALUE}.")
    int stepEvery = DEFAULTS.stepEpochs();

    @Option(names = "--gamma", description = "step schedule: decay factor. Default: ${DEFAULT-VALUE}.")
    double gamma = DEFAULTS.stepGamma();

    @Option(names = "--momentum", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
    double momentum = DEFAULTS.momentum();

    @Option(names = "--dampening", description = "SGD dampening. Default: ${DEFAULT-VALUE}.")
    double dampening = DEFAULTS.dampening();

    @Option(names = "--nesterov", description = "SGD with Nesterov momentum.")
    boolean nesterov = DEFAULTS.nesterov();

    @Option(names = "--weight-decay", description = "Weight decay (L2 for sgd/adam, decoupled for adamw). Default: ${DEFAULT-VALUE}.")
    double weightDecay = DEFAULTS.weightDecay();

    @Option(names = "--clip-norm", paramLabel = "MAX", description = "Clip the global gradient norm to MAX.")
    double clipNorm = DEFAULTS.clipNorm();

    @Option(names = "--augment-shift", paramLabel = "PIXELS",
            description = "Random image shifts of up to this many pixels each epoch. Default: ${DEFAULT-VALUE}.")
    int augmentShift = DEFAULTS.augmentShift();

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Fraction of the training data held out for validation each epoch (0 = none). Default: ${DEFAULT-VALUE}.")
    double validation = DEFAULTS.validationFraction();

    @Option(names = "--patience", description = "Early stopping after this many epochs without a better validation"
            + " accuracy (0 = off; needs --validation). Default: ${DEFAULT-VALUE}.")
    int patience = DEFAULTS.patience();

    @Option(names = "--time-budget", paramLabel = "SECONDS", description = "Stop training after this many seconds.")
    long timeBudget = DEFAULTS.timeBudgetSeconds();

    @Option(names = "--preprocessing", description = "standardize (per-feature, fitted on the training data and saved"
            + " in the model) or none (raw features, as the papers' recipes). Default: ${DEFAULT-VALUE}.")
    Recipe.Preprocessing preprocessing = DEFAULTS.preprocessing();

    @Option(names = "--device", description = "cpu, cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
    String device = DEFAULTS.device();

    @Option(names = "--threads", description = "ONNX Runtime threads (0 = the shared pool, one per core). Default: ${DEFAULT-VALUE}.")
    int threads = DEFAULTS.threads();

    @Option(names = "--seed", description = "Seed of initialisation, validation split, batch order and augmentation."
            + " Default: ${DEFAULT-VALUE}.")
    long seed = DEFAULTS.seed();

    /**
     * @return the recipe these options describe
     * @throws IllegalArgumentException naming the option that is wrong
     */
    Recipe recipe() {
        Recipe.ObjectiveKind kind = choose("--objective", objective, OBJECTIVES);
        String chosen = objective.toLowerCase(Locale.ROOT);
        OBJECTIVE_OPTIONS.forEach((option, readers) -> {
            if (given(option) && !List.of(readers.split(" ")).contains(chosen)) {
                throw new IllegalArgumentException(option + " is read by --objective " + readers.replace(" ", " and ")
                        + " only, not by " + chosen + ": drop it or choose that objective");
            }
        });
        if (given("--step-every") || given("--gamma")) {
            if (schedule != Recipe.Schedule.STEP) {
                throw new IllegalArgumentException("--step-every and --gamma are read by --schedule step only");
            }
        }
        if (kind == Recipe.ObjectiveKind.DISTILLATION && teacher == null) {
            throw new IllegalArgumentException("--objective kd needs --teacher MODEL.onnx");
        }
        Recipe.Builder b = Recipe.builder().architecture(net).hidden(hidden).dropout(dropout).initializer(init)
                .layerRates(layerRates).importedNetwork(importFile, importLogits).objective(kind).alpha(alpha)
                .smoothing(choose("--smoothing", smoothing, SMOOTHINGS)).annealing(anneal).hinge(hinge)
                .temperature(temperature).softTerm(choose("--soft-loss", softLoss, SOFT_TERMS)).optimizer(optimizer)
                .learningRate(lr).momentum(momentum).dampening(dampening).nesterov(nesterov).weightDecay(weightDecay)
                .schedule(schedule).stepEpochs(stepEvery).stepGamma(gamma).clipNorm(clipNorm).epochs(epochs)
                .batchSize(batch).validationFraction(validation).patience(patience).augmentShift(augmentShift)
                .timeBudgetSeconds(timeBudget).preprocessing(preprocessing).device(device).threads(threads).seed(seed);
        if (beta != null) {
            if (kind == Recipe.ObjectiveKind.CONFIDENCE_PENALTY) {
                b.penalty(beta);
            } else {
                b.softWeight(beta);
            }
        }
        return b.build();
    }

    private boolean given(String option) {
        return spec != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static <T> T choose(String option, String value, Map<String, T> choices) {
        T t = choices.get(value.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException(option + " " + value + ": use one of " + new java.util.TreeSet<>(choices.keySet()));
        }
        return t;
    }

    /**
     * @param data the training data's path
     * @param test a separate test file, or null
     * @return every file the training reads (the data, a test file, a teacher, an imported network)
     */
    List<Path> inputs(Path data, Path test) {
        List<Path> all = new ArrayList<>(List.of(data));
        for (Path p : new Path[] {test, teacher, importFile}) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }

    /**
     * @param recipe the recipe of this run
     * @param train the training data, raw features
     * @return the teacher's logits on it for kd, else null
     * @throws Exception when the teacher cannot be read or does not fit the data
     */
    float[] teacherLogits(Recipe recipe, DenseDataset train) throws Exception {
        return recipe.objective() == Recipe.ObjectiveKind.DISTILLATION
                ? TeacherLogits.fromFile(teacher, train, Training.execution(recipe)) : null;
    }
}
