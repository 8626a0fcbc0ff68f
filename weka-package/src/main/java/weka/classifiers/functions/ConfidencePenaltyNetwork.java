package weka.classifiers.functions;

import org.temper.onnx.recipe.Recipe;
import org.temper.weka.CommandLineRun;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/**
 * A neural network trained with cross-entropy minus beta times the entropy of its prediction, which
 * penalises confident (low-entropy) outputs; optionally annealed, or as a hinge on low entropy only.
 */
public class ConfidencePenaltyNetwork extends AbstractTemperNetwork {

    private static final long serialVersionUID = 1L;

    private double beta = Recipe.defaults().penalty();
    private Recipe.Annealing annealing = Recipe.defaults().annealing();
    private boolean useHinge;
    private double hingeThreshold = 1;

    /** @return the description shown by the GUI and the command line's help */
    public String globalInfo() {
        return "A multilayer perceptron trained with a confidence penalty: loss = cross-entropy - beta H(p), where"
                + " H(p) is the entropy of the predicted distribution. The weight can grow over training (annealing),"
                + " and the hinge form beta max(0, G - H) penalises only entropies below G.\n\n"
                + ENCODING_INFO + "\n\nFor more information see:\n\n" + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation t = new TechnicalInformation(Type.INPROCEEDINGS);
        t.setValue(Field.AUTHOR, "Gabriel Pereyra and George Tucker and Jan Chorowski and Lukasz Kaiser and"
                + " Geoffrey Hinton");
        t.setValue(Field.TITLE, "Regularizing Neural Networks by Penalizing Confident Output Distributions");
        t.setValue(Field.BOOKTITLE, "International Conference on Learning Representations (ICLR), workshop track");
        t.setValue(Field.YEAR, "2017");
        return t;
    }

    @Override
    protected Recipe.Builder objective(Recipe.Builder recipe) {
        return recipe.objective(Recipe.ObjectiveKind.CONFIDENCE_PENALTY).penalty(beta).annealing(annealing)
                .hinge(useHinge ? hingeThreshold : null);
    }

    /** @return the option "beta" (its description says what it does) */
    @OptionMetadata(displayName = "beta", description = "Weight of the entropy penalty (>= 0).",
            category = "Objective", displayOrder = 0, commandLineParamName = "beta",
            commandLineParamSynopsis = "-beta <b>")
    public double getBeta() {
        return beta;
    }

    /** @param beta the penalty weight */
    public void setBeta(double beta) {
        this.beta = beta;
    }

    /** @return the option "annealing" (its description says what it does) */
    @OptionMetadata(displayName = "annealing", description = "How the weight grows over training: CONSTANT,"
            + " LINEAR (0 to beta) or EXPONENTIAL (0 to beta, rising early).", category = "Objective",
            displayOrder = 1, commandLineParamName = "anneal",
            commandLineParamSynopsis = "-anneal <CONSTANT|LINEAR|EXPONENTIAL>")
    public Recipe.Annealing getAnnealing() {
        return annealing;
    }

    /** @param annealing the weight's growth */
    public void setAnnealing(Recipe.Annealing annealing) {
        this.annealing = annealing;
    }

    /** @return the option "use hinge" (its description says what it does) */
    @OptionMetadata(displayName = "use hinge", description = "Penalise only entropy below the hinge threshold"
            + " (the hinge form); off for the plain penalty.", category = "Objective", displayOrder = 2,
            commandLineParamName = "use-hinge", commandLineParamSynopsis = "-use-hinge")
    public boolean getUseHinge() {
        return useHinge;
    }

    /** @param useHinge whether the hinge form is used */
    public void setUseHinge(boolean useHinge) {
        this.useHinge = useHinge;
    }

    /** @return the option "hinge threshold" (its description says what it does) */
    @OptionMetadata(displayName = "hinge threshold", description = "With use hinge: the entropy G >= 0 in nats"
            + " below which entropy is penalised.", category = "Objective", displayOrder = 3,
            commandLineParamName = "hinge", commandLineParamSynopsis = "-hinge <G>")
    public double getHingeThreshold() {
        return hingeThreshold;
    }

    /** @param hingeThreshold G in nats, read when the hinge is used */
    public void setHingeThreshold(double hingeThreshold) {
        this.hingeThreshold = hingeThreshold;
    }

    /**
     * Runs the classifier from the command line.
     * @param args Weka's evaluation options and the classifier's
     */
    public static void main(String[] args) {
        CommandLineRun.evaluate(new ConfidencePenaltyNetwork(), args);
    }
}
