package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.test.Helpers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistillationTrainerTest {

    private static Dataset<Label> train;
    private static Dataset<Label> test;
    private static NetworkModel hardTeacher;
    private static NetworkModel smoothTeacher;

    @BeforeAll
    static void trainTeachers() {
        train = FashionMnist.train();
        test = FashionMnist.test();
        NetworkSettings teacherSettings = Settings.small().hiddenSizes(64);
        hardTeacher = LabelSmoothingTrainer.hardTargets(teacherSettings, 1).train(train);
        smoothTeacher = new LabelSmoothingTrainer(0.3, LabelSmoothing.Variant.UNIFORM, teacherSettings, 1).train(train);
    }

    @Test
    void studentsOfHardAndSmoothedTeachersLearn() {
        for (NetworkModel teacher : List.of(hardTeacher, smoothTeacher)) {
            NetworkModel student = new DistillationTrainer(teacher, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6,
                    Settings.small().hiddenSizes(16), 2).train(train);
            double accuracy = new LabelEvaluator().evaluate(student, test).accuracy();
            assertTrue(accuracy > 0.65, "student accuracy " + accuracy);
            assertEquals(teacher.getProvenance(), student.getProvenance().getInstanceProvenance().getMap().get("teacher"));
        }
    }

    @Test
    void studentFollowsTheTeachersConfidence() {
        // b = 1: the student learns only from the teacher's T = 1 distribution, so it inherits its under-confidence
        NetworkSettings settings = Settings.small().hiddenSizes(16);
        NetworkModel ofSmooth = new DistillationTrainer(smoothTeacher, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 1, 1,
                settings, 2).train(train);
        NetworkModel ofHard = new DistillationTrainer(hardTeacher, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 1, 1,
                settings, 2).train(train);
        double smooth = LabelSmoothingTrainerTest.meanConfidence(ofSmooth, test);
        double hard = LabelSmoothingTrainerTest.meanConfidence(ofHard, test);
        assertTrue(smooth < hard - 0.05, smooth + " vs " + hard);
    }

    @Test
    void teacherFromAnOnnxFileOfLogits(@TempDir Path dir) throws Exception {
        DenseDataset dense = DenseExamples.of(train);
        TrainingConfig config = new TrainingConfig(LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(0.05), null, 3, 64, 0, 0, null, ExecutionSettings.DEFAULT, 1L, 0);
        TrainedNetwork network = new Fitter(config, List.of()).fit(
                Mlp.create(dense.exampleShape(), new int[] {32}, dense.numClasses(), 0, Initializer.HE_NORMAL, null, 4),
                dense, null, null).network();
        Path file = dir.resolve("teacher.onnx");
        network.save(file);
        NetworkModel student = new DistillationTrainer(file, Distillation.SoftTerm.MSE_LOGITS, 1, 0.6,
                Settings.small().hiddenSizes(16), 2).train(train);
        assertTrue(new LabelEvaluator().evaluate(student, test).accuracy() > 0.65);
    }

    @Test
    void aStudentOfAnInMemoryTeacherSaysWhyItsProvenanceDoesNotRebuildIt() {
        NetworkModel student = new DistillationTrainer(hardTeacher, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6,
                Settings.small().hiddenSizes(16).epochs(1, 64), 2).train(train);
        ModelProvenance provenance = student.getProvenance();
        Map<String, ? extends Provenance> run = provenance.getInstanceProvenance().getMap();
        assertEquals(hardTeacher.getProvenance(), run.get("teacher"));
        Provenance rebuild = run.get(DistillationTrainer.TEACHER_REBUILD);
        assertInstanceOf(StringProvenance.class, rebuild, "run provenance " + run.keySet());
        String why = ((StringProvenance) rebuild).getValue();
        assertTrue(why.contains("given in memory") && why.contains("teacherModelFile"), why);
        Helpers.testProvenanceMarshalling(provenance);
        // and so it is: the trainer's configuration, which names no teacher, makes no trainer
        RuntimeException e = assertThrows(RuntimeException.class, () -> rebuildTrainer(provenance));
        assertTrue(messages(e).contains("exactly one teacher"), messages(e));
    }

    @Test
    void aStudentOfATeacherFileIsRebuiltFromItsProvenance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("teacher.onnx");
        hardTeacher.saveONNXModel("org.temper.test", 1, file);
        DistillationTrainer trainer = new DistillationTrainer(file, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6,
                Settings.small().hiddenSizes(16).epochs(1, 64), 2);
        trainer.train(train);
        NetworkModel student = trainer.train(train);
        ModelProvenance provenance = student.getProvenance();
        assertFalse(provenance.getInstanceProvenance().getMap().containsKey(DistillationTrainer.TEACHER_REBUILD));
        int invocation = ((IntProvenance) provenance.getTrainerProvenance().getInstanceValues()
                .get(TrainerProvenance.TRAIN_INVOCATION_COUNT)).getValue();
        assertEquals(1, invocation);
        Model<Label> rebuilt = rebuildTrainer(provenance).train(train, Map.of(), invocation);
        assertEquals(0, Comparisons.maxDifference(student.predict(test), rebuilt.predict(test)));
    }

    @SuppressWarnings("unchecked") // the provenance is a Label trainer's
    private static Trainer<Label> rebuildTrainer(ModelProvenance provenance) {
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(ProvenanceUtil.extractConfiguration(provenance.getTrainerProvenance()));
        return (Trainer<Label>) cm.lookup(ProvenanceUtil.computeName(provenance.getTrainerProvenance(), 0));
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" / ");
        }
        return b.toString();
    }
}
