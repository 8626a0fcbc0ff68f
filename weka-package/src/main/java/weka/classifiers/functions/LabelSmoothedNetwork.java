package weka.classifiers.functions;

import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.recipe.Recipe;
import org.temper.weka.CommandLineRun;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

/**
 * A neural network trained with cross-entropy against label-smoothed targets: the true class gets
 * 1 - alpha, and alpha is spread over the classes (uniformly, over the other classes, or by the
 * training class frequencies). Alpha 0 is ordinary cross-entropy.
 */
public class LabelSmoothedNetwork extends AbstractTemperNetwork {

    private static final long serialVersionUID = 1L;

    private double alpha = Recipe.defaults().alpha();
    private LabelSmoothing.Variant smoothing = Recipe.defaults().smoothing();

    /** @return the description shown by the GUI and the command line's help */
    public String globalInfo() {
        return "A multilayer perceptron trained with label smoothing: targets (1 - alpha) y + alpha u, where u is"
                + " uniform over the classes (UNIFORM), over the wrong classes (OTHER_CLASSES) or the training class"
                + " frequencies (PRIOR). Smoothing calibrates over-confident networks and makes small, already"
                + " calibrated ones under-confident: check the calibration metrics (ECE) in the evaluation output.\n\n"
                + ENCODING_INFO + "\n\nFor more information see:\n\n" + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation szegedy = new TechnicalInformation(Type.INPROCEEDINGS);
        szegedy.setValue(Field.AUTHOR, "Christian Szegedy and Vincent Vanhoucke and Sergey Ioffe and Jon Shlens"
                + " and Zbigniew Wojna");
        szegedy.setValue(Field.TITLE, "Rethinking the Inception Architecture for Computer Vision");
        szegedy.setValue(Field.BOOKTITLE, "IEEE Conference on Computer Vision and Pattern Recognition (CVPR)");
        szegedy.setValue(Field.YEAR, "2016");
        szegedy.setValue(Field.PAGES, "2818-2826");
        TechnicalInformation mueller = szegedy.add(Type.INPROCEEDINGS);
        mueller.setValue(Field.AUTHOR, "Rafael Mueller and Simon Kornblith and Geoffrey Hinton");
        mueller.setValue(Field.TITLE, "When Does Label Smoothing Help?");
        mueller.setValue(Field.BOOKTITLE, "Advances in Neural Information Processing Systems 32 (NeurIPS)");
        mueller.setValue(Field.YEAR, "2019");
        return szegedy;
    }

    @Override
    protected Recipe.Builder objective(Recipe.Builder recipe) {
        return recipe.objective(alpha == 0 ? Recipe.ObjectiveKind.HARD_TARGETS : Recipe.ObjectiveKind.LABEL_SMOOTHING)
                .alpha(alpha).smoothing(smoothing);
    }

    /** @return the option "alpha" (its description says what it does) */
    @OptionMetadata(displayName = "alpha", description = "Smoothing strength in [0, 1): the probability mass taken"
            + " from the true class (0 = hard targets, 0.1 is usual).", category = "Objective", displayOrder = 0,
            commandLineParamName = "alpha", commandLineParamSynopsis = "-alpha <a>")
    public double getAlpha() {
        return alpha;
    }

    /** @param alpha smoothing strength in [0, 1) */
    public void setAlpha(double alpha) {
        this.alpha = alpha;
    }

    /** @return the option "smoothing distribution" (its description says what it does) */
    @OptionMetadata(displayName = "smoothing distribution", description = "Where alpha goes: UNIFORM (1/K each),"
            + " OTHER_CLASSES (1/(K-1) on each wrong class) or PRIOR (the training class frequencies).",
            category = "Objective", displayOrder = 1, commandLineParamName = "smoothing",
            commandLineParamSynopsis = "-smoothing <UNIFORM|OTHER_CLASSES|PRIOR>")
    public LabelSmoothing.Variant getSmoothing() {
        return smoothing;
    }

    /** @param smoothing the smoothing distribution */
    public void setSmoothing(LabelSmoothing.Variant smoothing) {
        this.smoothing = smoothing;
    }

    /**
     * Runs the classifier from the command line.
     * @param args Weka's evaluation options and the classifier's
     */
    public static void main(String[] args) {
        CommandLineRun.evaluate(new LabelSmoothedNetwork(), args);
    }
}
