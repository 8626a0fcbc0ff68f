package weka.classifiers.functions;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.TeacherLogits;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.temper.weka.CommandLineRun;
import org.temper.weka.WekaTeacher;
import weka.classifiers.Classifier;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.LogHandler;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;

import java.io.File;

/**
 * A neural network (the student) trained on the hard labels and on a teacher's softened
 * predictions. The teacher is any Weka classifier, trained on the same data first, or an ONNX
 * classifier model file.
 */
public class DistilledNetwork extends AbstractTemperNetwork {

    private static final long serialVersionUID = 1L;

    private Classifier teacher = defaultTeacher();
    private File teacherModel = new File("");
    private double temperature = Recipe.defaults().temperature();
    private double softWeight = Recipe.defaults().softWeight();
    private Distillation.SoftTerm softTerm = Recipe.defaults().softTerm();

    private static Classifier defaultTeacher() {
        LabelSmoothedNetwork t = new LabelSmoothedNetwork();
        t.setAlpha(0);
        t.setHiddenLayers("200,200");
        return t;
    }

    /** @return the description shown by the GUI and the command line's help */
    public String globalInfo() {
        return "A multilayer perceptron (the student) distilled from a teacher: loss = (1 - b) CE(y, softmax(z))"
                + " + b S, where S is the T^2-scaled cross-entropy between the teacher's and the student's"
                + " predictions at temperature T (SOFT_CROSS_ENTROPY), half the mean squared error between the"
                + " logits (MSE_LOGITS), or between the student's logits and the teacher's softened probabilities"
                + " (MSE_SOFTENED_PROBABILITIES). The teacher is any Weka classifier, trained on the training data"
                + " first (its log-probabilities serve as logits), or, when a teacher model file is given, an ONNX"
                + " classifier reading the encoded attributes (numeric as they are, nominal one-hot), classes matched by name,"
                + " probabilities recognised and turned into logits.\n\n"
                + ENCODING_INFO + "\n\nFor more information see:\n\n" + getTechnicalInformation();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation t = new TechnicalInformation(Type.INPROCEEDINGS);
        t.setValue(Field.AUTHOR, "Geoffrey Hinton and Oriol Vinyals and Jeff Dean");
        t.setValue(Field.TITLE, "Distilling the Knowledge in a Neural Network");
        t.setValue(Field.BOOKTITLE, "NIPS Deep Learning and Representation Learning Workshop");
        t.setValue(Field.YEAR, "2015");
        return t;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        if (!usesTeacherModel()) {
            result.and(teacher.getCapabilities());
            result.setMinimumNumberInstances(Math.max(1, teacher.getCapabilities().getMinimumNumberInstances()));
        }
        return result;
    }

    @Override
    protected Recipe.Builder objective(Recipe.Builder recipe) {
        return recipe.objective(Recipe.ObjectiveKind.DISTILLATION).temperature(temperature).softWeight(softWeight)
                .softTerm(softTerm);
    }

    @Override
    protected float[] teacherLogits(Instances train, DenseDataset encoded, Recipe recipe) throws Exception {
        if (usesTeacherModel()) {
            return TeacherLogits.fromFile(teacherModel.toPath(), encoded, Training.execution(recipe));
        }
        if (teacher instanceof LogHandler handler) {
            handler.setLog(getLog());
        }
        return WekaTeacher.logits(teacher, train);
    }

    private boolean usesTeacherModel() {
        return !teacherModel.getPath().isEmpty();
    }

    /** @return the option "teacher" (its description says what it does) */
    @OptionMetadata(displayName = "teacher", description = "The teacher: any Weka classifier, trained on the"
            + " training data before the student (ignored when a teacher model file is given).",
            category = "Teacher", displayOrder = 0, commandLineParamName = "teacher",
            commandLineParamSynopsis = "-teacher <classifier specification>")
    public Classifier getTeacher() {
        return teacher;
    }

    /** @param teacher the teacher classifier */
    public void setTeacher(Classifier teacher) {
        this.teacher = teacher;
    }

    /** @return the option "teacher model file" (its description says what it does) */
    @OptionMetadata(displayName = "teacher model file", description = "An ONNX classifier model used as the"
            + " teacher instead of the teacher classifier; it reads the attributes unstandardised (numeric as they"
            + " are, nominal one-hot). Empty for none.", category = "Teacher", displayOrder = 1,
            commandLineParamName = "teacher-model", commandLineParamSynopsis = "-teacher-model <file.onnx>")
    public File getTeacherModel() {
        return teacherModel;
    }

    /** @param teacherModel the .onnx file, or an empty path for none */
    public void setTeacherModel(File teacherModel) {
        this.teacherModel = teacherModel;
    }

    /** @return the option "temperature" (its description says what it does) */
    @OptionMetadata(displayName = "temperature", description = "Temperature T > 0 that softens both predictions"
            + " (not used by MSE_LOGITS).", category = "Objective", displayOrder = 0, commandLineParamName = "temperature",
            commandLineParamSynopsis = "-temperature <T>")
    public double getTemperature() {
        return temperature;
    }

    /** @param temperature T &gt; 0 */
    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    /** @return the option "soft-term weight" (its description says what it does) */
    @OptionMetadata(displayName = "soft-term weight", description = "Weight b in [0, 1] of the teacher's term;"
            + " 1 - b goes to the hard labels.", category = "Objective", displayOrder = 1,
            commandLineParamName = "soft-weight", commandLineParamSynopsis = "-soft-weight <b>")
    public double getSoftWeight() {
        return softWeight;
    }

    /** @param softWeight b in [0, 1] */
    public void setSoftWeight(double softWeight) {
        this.softWeight = softWeight;
    }

    /** @return the option "soft term" (its description says what it does) */
    @OptionMetadata(displayName = "soft term", description = "SOFT_CROSS_ENTROPY (Hinton's, T^2-scaled),"
            + " MSE_LOGITS or MSE_SOFTENED_PROBABILITIES.", category = "Objective", displayOrder = 2,
            commandLineParamName = "soft-term",
            commandLineParamSynopsis = "-soft-term <SOFT_CROSS_ENTROPY|MSE_LOGITS|MSE_SOFTENED_PROBABILITIES>")
    public Distillation.SoftTerm getSoftTerm() {
        return softTerm;
    }

    /** @param softTerm the soft term */
    public void setSoftTerm(Distillation.SoftTerm softTerm) {
        this.softTerm = softTerm;
    }

    /**
     * Runs the classifier from the command line.
     * @param args Weka's evaluation options and the classifier's
     */
    public static void main(String[] args) {
        CommandLineRun.evaluate(new DistilledNetwork(), args);
    }
}
