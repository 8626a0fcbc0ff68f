package org.temper.onnx.recipe;

import ai.onnxruntime.OrtException;
import org.temper.onnx.autodiff.GradientRegistry;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.Standardization;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.imports.NetworkImporter;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.objective.Annealing;
import org.temper.onnx.objective.ConfidencePenalty;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.optim.Stepping;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.LeNet5;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.MuellerAlexNet;
import org.temper.onnx.zoo.Network;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@link Recipe} on a data set: holds out the validation part, fits the input
 * standardisation on the training part, builds the network, the objective, the optimizer and the
 * schedule, runs the fit loop and returns the trained network with the standardisation baked in
 * and the recipe's settings in its metadata. This is the one place where settings become engine
 * objects.
 */
public final class Training {

    /** Rate of the EXPONENTIAL annealing. */
    static final double EXPONENTIAL_RATE = 5;

    private final Recipe recipe;
    private final List<TrainingListener> listeners;

    /**
     * @param recipe the run
     * @param listeners observers of progress (a console bar, Tribuo's log, Weka's log)
     */
    public Training(Recipe recipe, List<TrainingListener> listeners) {
        this.recipe = recipe;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * @param recipe a recipe
     * @return where sessions of the recipe run (for the front ends' predictions and teachers)
     */
    public static ExecutionSettings execution(Recipe recipe) {
        return new ExecutionSettings(Device.parse(recipe.device()), recipe.threads());
    }

    /**
     * Trains.
     * @param data all training data, raw features (a validation part is held out when the recipe asks),
     *        viewed in the network's example shape where the sizes agree
     * @param teacherLogits [N, K] teacher logits of the examples in data's order and class order (see
     *        {@link org.temper.onnx.model.TeacherLogits}), or null; needed exactly for distillation
     * @return the trained network (standardising raw input itself), the history and why training stopped
     * @throws OrtException when ONNX Runtime fails
     * @throws IllegalArgumentException when the data does not suit the recipe
     */
    public FitResult run(DenseDataset data, float[] teacherLogits) throws OrtException {
        data.checkTrainable();
        Network network = network(data.exampleShape(), data.numClasses());
        data = data.withExampleShape(network.exampleShape());
        boolean needsTeacher = recipe.objective() == Recipe.ObjectiveKind.DISTILLATION;
        if (needsTeacher != (teacherLogits != null)) {
            throw new IllegalArgumentException(needsTeacher
                    ? "objective distillation needs a teacher: give a teacher model"
                    : "a teacher was given but the objective is " + recipe.settings().get("objective")
                    + ": choose objective distillation, or give no teacher");
        }
        DenseDataset train = data;
        DenseDataset validation = null;
        float[] trainTeacher = teacherLogits;
        if (recipe.validationFraction() > 0) {
            int[][] parts = DenseDataset.splitIndices(data.size(), recipe.validationFraction(), recipe.seed());
            train = data.subset(parts[0]);
            validation = data.subset(parts[1]);
            trainTeacher = teacherLogits == null ? null : rows(teacherLogits, parts[0], data.numClasses());
        }
        Standardization standardization = null;
        if (recipe.preprocessing() == Recipe.Preprocessing.STANDARDIZE) {
            standardization = Standardization.fit(train);
            train = standardization.apply(train);
            validation = validation == null ? null : standardization.apply(validation);
        }
        int batch = recipe.batchSize();
        if (batch > train.size()) {
            String note = String.format(Locale.ROOT, "batch %,d > %,d training examples: using %,d", batch,
                    train.size(), train.size());
            listeners.forEach(l -> l.onNotice(note));
            batch = train.size();
        }
        FitResult result = new Fitter(config(train, batch), listeners, standardization)
                .fit(network, train, validation, trainTeacher);
        Map<String, String> meta = new LinkedHashMap<>(result.network().metadata());
        recipe.settings().forEach((k, v) -> meta.put("temper.recipe." + k, v));
        TrainedNetwork trained = new TrainedNetwork(network, result.network().parameters(), data.classNames(), meta);
        return result.withNetwork(standardization == null ? trained : trained.withStandardization(standardization));
    }

    private static float[] rows(float[] values, int[] indices, int width) {
        float[] out = new float[Math.multiplyExact(indices.length, width)];
        for (int j = 0; j < indices.length; j++) {
            System.arraycopy(values, indices[j] * width, out, j * width, width);
        }
        return out;
    }

    /**
     * @param exampleShape the shape of one example
     * @param numClasses K
     * @return the recipe's network, freshly initialised from its seed, or the imported one
     */
    Network network(long[] exampleShape, int numClasses) {
        if (recipe.importedNetwork() != null) {
            return imported(exampleShape, numClasses);
        }
        if (recipe.architecture() == Recipe.Architecture.MLP) {
            checkMemory(exampleShape, numClasses);
        }
        return switch (recipe.architecture()) {
            case MLP -> Mlp.create(exampleShape, recipe.hidden(), numClasses, recipe.dropout(), recipe.initializer(),
                    recipe.layerRates(), recipe.seed());
            case LENET -> LeNet5.create(exampleShape, numClasses, recipe.dropout(), recipe.initializer(), recipe.seed());
            case ALEXNET -> MuellerAlexNet.create(exampleShape, numClasses, recipe.dropout(), recipe.initializer(),
                    recipe.seed());
        };
    }

    /**
     * Refuses, before anything is allocated, an MLP whose parameters, optimizer state and batch
     * activations cannot fit in this machine's memory, naming the figure and the limit.
     */
    private void checkMemory(long[] exampleShape, int numClasses) {
        long in = Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        double parameters = 0;
        double activations = 0;
        long width = in;
        int[] hidden = recipe.hidden();
        for (int layer = 0; layer <= hidden.length; layer++) {
            long out = layer < hidden.length ? hidden[layer] : numClasses;
            parameters += (double) (width + 1) * out;
            activations += (double) recipe.batchSize() * out;
            width = out;
        }
        // weights, gradients, two optimizer buffers and the saved weights; forward values and their gradients
        double bytes = 4.0 * (5 * parameters + 4 * activations);
        long limit = physicalMemory();
        if (parameters > Integer.MAX_VALUE || bytes > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "hidden = %s: the network has %.3g"
                    + " parameters and needs about %.1f GB to train (parameters, gradients, optimizer state and a"
                    + " batch of %d's activations), more than this machine's %.1f GB: use narrower or fewer hidden"
                    + " layers, or a smaller batch", Arrays.toString(hidden), parameters, bytes / 1e9,
                    recipe.batchSize(), limit / 1e9));
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    private Network imported(long[] exampleShape, int numClasses) {
        NetworkImporter importer = new NetworkImporter(GradientRegistry.standard().operators());
        if (recipe.importedLogits() != null) {
            importer = importer.logits(recipe.importedLogits());
        }
        Network n;
        try {
            n = importer.read(recipe.importedNetwork());
        } catch (IOException e) {
            throw new IllegalArgumentException("importedNetwork " + recipe.importedNetwork() + ": " + e.getMessage(), e);
        }
        long size = Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        if (n.numClasses() != numClasses || Arrays.stream(n.exampleShape()).reduce(1, (a, b) -> a * b) != size) {
            throw new IllegalArgumentException("The imported network " + recipe.importedNetwork() + " maps input "
                    + Arrays.toString(n.exampleShape()) + " to " + n.numClasses() + " classes, but the data has"
                    + " examples of shape " + Arrays.toString(exampleShape) + " and " + numClasses + " classes:"
                    + " export it with an input of " + size + " values and " + numClasses + " logits");
        }
        return n;
    }

    /**
     * @param train the training part, for the class frequencies of the PRIOR smoothing
     * @param batch the batch size, at most the training part's size
     * @return the engine's configuration of the fit loop
     */
    TrainingConfig config(DenseDataset train, int batch) {
        return new TrainingConfig(objective(train), optimizer(), schedule(),
                recipe.clipNorm() > 0 ? new GlobalNormClipping(recipe.clipNorm()) : null, recipe.epochs(),
                batch, recipe.augmentShift(), recipe.patience(),
                recipe.timeBudgetSeconds() > 0 ? Duration.ofSeconds(recipe.timeBudgetSeconds()) : null,
                execution(recipe), recipe.seed(), 0);
    }

    private Objective objective(DenseDataset train) {
        return switch (recipe.objective()) {
            case HARD_TARGETS -> LabelSmoothing.hardTargets();
            case LABEL_SMOOTHING -> switch (recipe.smoothing()) {
                case UNIFORM -> LabelSmoothing.uniform(recipe.alpha());
                case OTHER_CLASSES -> LabelSmoothing.otherClasses(recipe.alpha());
                case PRIOR -> LabelSmoothing.prior(recipe.alpha(), frequencies(train));
            };
            case CONFIDENCE_PENALTY -> {
                ConfidencePenalty p = ConfidencePenalty.annealed(recipe.penalty(), switch (recipe.annealing()) {
                    case CONSTANT -> Annealing.constant();
                    case LINEAR -> Annealing.linear();
                    case EXPONENTIAL -> Annealing.exponential(EXPONENTIAL_RATE);
                });
                yield recipe.hinge() == null ? p : p.withHinge(recipe.hinge());
            }
            case DISTILLATION -> new Distillation(recipe.softTerm(), recipe.temperature(), recipe.softWeight());
        };
    }

    private static double[] frequencies(DenseDataset train) {
        int[] counts = train.classCounts();
        double[] f = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            f[c] = counts[c] / (double) train.size();
        }
        return f;
    }

    private Optimizer optimizer() {
        return switch (recipe.optimizer()) {
            case SGD -> new Sgd(recipe.momentum(), recipe.dampening(), recipe.nesterov(), recipe.weightDecay());
            case ADAM -> new Adam(0.9, 0.999, 1e-8, recipe.weightDecay(), Adam.WeightDecay.L2);
            case ADAMW -> Adam.adamW(recipe.weightDecay());
        };
    }

    private LearningRateSchedule schedule() {
        double rate = recipe.learningRate();
        return switch (recipe.schedule()) {
            case CONSTANT -> LearningRateSchedule.constant(rate);
            case LINEAR -> LearningRateSchedule.linearDecay(rate, Stepping.PER_EPOCH);
            case STEP -> LearningRateSchedule.stepDecay(rate, recipe.stepEpochs(), recipe.stepGamma());
            case COSINE -> LearningRateSchedule.cosine(rate, 0, Stepping.PER_STEP);
        };
    }
}
