package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a student network on (1 - b) CE(y, softmax(z)) + b S, where S pulls the student's logits
 * z towards a teacher's logits t (Hinton, Vinyals &amp; Dean 2015). The soft term S is the
 * T^2-scaled soft cross-entropy CE(softmax(t/T), softmax(z/T)) ({@code SOFT_CROSS_ENTROPY}, the
 * default), half the mean squared error to the teacher's logits ({@code MSE_LOGITS}), or to its
 * softened probabilities ({@code MSE_SOFTENED_PROBABILITIES}).
 * <p>The teacher is any Tribuo {@code Model<Label>} producing probabilities, or an ONNX classifier
 * file over the same features; both go through the engine's one teacher rule
 * ({@link org.temper.onnx.model.TeacherLogits}): classes matched by name, probabilities turned
 * into logits by their logarithm, so a model and its saveONNXModel file teach the same student.
 * From a configuration file, name exactly one of {@code teacherModelFile} (a Tribuo model in
 * protobuf form) and {@code teacherOnnxFile}. The teacher's classes must be the data's classes;
 * this is checked before training starts.
 * <p>A student of a teacher named by a file can be rebuilt from its provenance, whose trainer
 * configuration names the file; a student of a teacher given in memory records the teacher's
 * provenance and, under {@value #TEACHER_REBUILD}, why its own provenance does not rebuild it.
 */
public final class DistillationTrainer extends NetworkTrainer {

    @Config(description = "Soft term: SOFT_CROSS_ENTROPY, MSE_LOGITS or MSE_SOFTENED_PROBABILITIES.")
    private Distillation.SoftTerm softTerm = Recipe.defaults().softTerm();

    @Config(description = "Temperature T > 0 (unused by MSE_LOGITS).")
    private double temperature = Recipe.defaults().temperature();

    @Config(description = "Weight b in [0, 1] of the soft term.")
    private double softWeight = Recipe.defaults().softWeight();

    @Config(description = "Teacher: a Tribuo Model<Label> serialized to protobuf (Model.serializeToFile).")
    private String teacherModelFile;

    @Config(description = "Teacher: an ONNX classifier file over the same features (logits or probabilities,"
            + " classes matched by name), e.g. a NetworkModel saved with saveONNXModel.")
    private String teacherOnnxFile;

    /** The run-provenance key saying why a student of an in-memory teacher cannot be rebuilt from provenance. */
    public static final String TEACHER_REBUILD = "teacher-rebuild";

    private Teacher teacher;

    /** For OLCUT. */
    private DistillationTrainer() {
    }

    /**
     * @param teacher a probabilistic Tribuo model over the same classes
     * @param softTerm the soft term
     * @param temperature T &gt; 0
     * @param softWeight b in [0, 1]
     * @param settings network and optimisation settings of the student
     * @param seed base seed
     */
    public DistillationTrainer(Model<Label> teacher, Distillation.SoftTerm softTerm, double temperature,
                               double softWeight, NetworkSettings settings, long seed) {
        super(settings, seed);
        this.teacher = new ModelTeacher(teacher);
        this.softTerm = softTerm;
        this.temperature = temperature;
        this.softWeight = softWeight;
        postConfig();
    }

    /**
     * @param teacherOnnx an ONNX classifier file over the same features and classes
     * @param softTerm the soft term
     * @param temperature T &gt; 0
     * @param softWeight b in [0, 1]
     * @param settings network and optimisation settings of the student
     * @param seed base seed
     */
    public DistillationTrainer(Path teacherOnnx, Distillation.SoftTerm softTerm, double temperature,
                               double softWeight, NetworkSettings settings, long seed) {
        super(settings, seed);
        this.teacherOnnxFile = teacherOnnx.toString();
        this.softTerm = softTerm;
        this.temperature = temperature;
        this.softWeight = softWeight;
        postConfig();
    }

    @Override
    public synchronized void postConfig() {
        super.postConfig();
        if (teacher == null) {
            teacher = teacherFromFiles();
        }
    }

    private Teacher teacherFromFiles() {
        if ((teacherModelFile == null) == (teacherOnnxFile == null)) {
            throw new IllegalArgumentException("A distillation trainer needs exactly one teacher: set teacherModelFile"
                    + " (a Tribuo model) or teacherOnnxFile (an ONNX classifier file)");
        }
        if (teacherOnnxFile != null) {
            return new OnnxTeacher(Path.of(teacherOnnxFile));
        }
        try {
            Model<?> model = Model.deserializeFromFile(Path.of(teacherModelFile));
            if (!model.validate(Label.class)) {
                throw new IllegalArgumentException("The teacher " + teacherModelFile
                        + " is not a classification model (its outputs are not Labels)");
            }
            return new ModelTeacher(model.castModel(Label.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the teacher model " + teacherModelFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void checkBeforeTraining(Dataset<Label> examples) {
        teacher.check(examples);
    }

    @Override
    protected Recipe.Builder objective(Recipe.Builder recipe) {
        return recipe.objective(Recipe.ObjectiveKind.DISTILLATION).softTerm(softTerm).temperature(temperature)
                .softWeight(softWeight);
    }

    @Override
    protected float[] teacherLogits(Dataset<Label> examples, DenseDataset dense, Recipe recipe) {
        return teacher.logits(examples, dense, Training.execution(recipe));
    }

    /**
     * @return the teacher's entries ({@code teacher}: a model's provenance; {@code teacher-file}: a file's
     *         path) and, for a teacher given in memory, {@value #TEACHER_REBUILD}: why this trainer's
     *         provenance alone does not rebuild the student
     */
    @Override
    protected Map<String, Provenance> extraRunProvenance() {
        Map<String, Provenance> run = new LinkedHashMap<>(teacher.provenance());
        if (teacherModelFile == null && teacherOnnxFile == null) {
            run.put(TEACHER_REBUILD, new StringProvenance(TEACHER_REBUILD, "The teacher was given in memory, so"
                    + " this trainer's configuration names no teacherModelFile or teacherOnnxFile and cannot be"
                    + " rebuilt from its provenance alone: rebuild the teacher from the 'teacher' entry (or save it"
                    + " and set teacherModelFile), then distil with this trainer's settings and invocation count"));
        }
        return run;
    }
}
