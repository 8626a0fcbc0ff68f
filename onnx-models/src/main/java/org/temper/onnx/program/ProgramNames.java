package org.temper.onnx.program;

/** The input and output names of Temper's training and inference graphs. */
public final class ProgramNames {

    /** Training data, [M, example shape]. */
    public static final String FEATURES = "features";
    /** Training labels, [M] int64. */
    public static final String LABELS = "labels";
    /** Teacher logits, [M, K], for distillation. */
    public static final String TEACHER = "teacher_logits";
    /** The example indices of each step's batch, [S, B] int64. */
    public static final String BATCHES = "batches";
    /** Learning rate of each step, [S]. */
    public static final String LEARNING_RATES = "learning_rates";
    /** Objective weight of each step, [S]. */
    public static final String STEP_WEIGHTS = "step_weights";
    /** Number of steps S of this run, int64 scalar. */
    public static final String TRIP_COUNT = "trip_count";
    /** Updates done before this run, a scalar. */
    public static final String STEP = "step";
    /** Updates done after this run. */
    public static final String NEW_STEP = "new_step";
    /** Mean loss of each step, [S]. */
    public static final String LOSSES = "losses";
    /** Training accuracy of each step's batch, [S]. */
    public static final String ACCURACIES = "accuracies";
    /** Input of inference models, [N, example shape]. */
    public static final String INPUT = "input";
    /** Logits output of inference models, [N, K]. */
    public static final String LOGITS = "logits";
    /** Softmax probabilities output of inference models, [N, K]. */
    public static final String PROBABILITIES = "probabilities";
    /** Per-feature means subtracted from the input of a standardised inference model, [example shape]. */
    public static final String INPUT_MEAN = "input_mean";
    /** Per-feature factors (1 / sd) applied after the means, [example shape]. */
    public static final String INPUT_SCALE = "input_scale";
    /** Penultimate activations output of inference models, [N, H]. */
    public static final String PENULTIMATE = "penultimate";

    private ProgramNames() {
    }

    /**
     * @param name a parameter name
     * @return the input name of its current value
     */
    public static String param(String name) {
        return "param." + name;
    }

    /**
     * @param name a parameter name
     * @return the output name of its updated value
     */
    public static String newParam(String name) {
        return "new.param." + name;
    }

    /**
     * @param name a parameter name
     * @param j the index of the optimizer state tensor
     * @return the input name of that state tensor
     */
    public static String state(String name, int j) {
        return "state." + name + "." + j;
    }

    /**
     * @param name a parameter name
     * @param j the index of the optimizer state tensor
     * @return the output name of its updated value
     */
    public static String newState(String name, int j) {
        return "new.state." + name + "." + j;
    }
}
