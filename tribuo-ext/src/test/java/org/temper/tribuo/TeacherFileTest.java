package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.objective.Distillation;
import org.temper.tribuo.calibration.TribuoPredictions;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NetworkModel and its saveONNXModel file teach the same student: the file's probabilities are read
 * as probabilities, its classes are matched by name, and a file of other classes is refused.
 */
class TeacherFileTest {

    /**
     * Largest difference allowed between two students' probabilities. Both teachers run the same
     * graph on the same threads and their probabilities reach the rule as the same floats, so the
     * students are measured identical (difference 0); the bound leaves room for nothing more than
     * rounding.
     */
    private static final double SAME_STUDENT = 1e-6;

    @TempDir
    static Path dir;

    private static Dataset<Label> train;
    private static Dataset<Label> test;
    private static NetworkModel teacher;
    private static OnnxMl.ModelProto exported;
    private static Path teacherFile;
    private static NetworkModel studentOfModel;
    private static NetworkModel studentOfFile;

    @BeforeAll
    static void trainTeacherAndStudent() throws IOException {
        train = FashionMnist.train();
        test = FashionMnist.test();
        teacher = LabelSmoothingTrainer.hardTargets(Settings.small().hiddenSizes(64), 1).train(train);
        teacherFile = dir.resolve("teacher.onnx");
        teacher.saveONNXModel("org.temper.test", 1, teacherFile);
        exported = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(teacherFile));
        studentOfModel = student(new DistillationTrainer(teacher, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6,
                Settings.small().hiddenSizes(16), 2));
        studentOfFile = student(fileTrainer(teacherFile));
    }

    @Test
    void theExportedFileTeachesTheSameStudentAsTheModel() {
        assertEquals("probabilities", metadata(exported, TrainedNetwork.SCORES_KEY));
        double difference = maxDifference(studentOfModel, studentOfFile);
        assertTrue(difference < SAME_STUDENT, "students differ by " + difference);
    }

    @Test
    void aFileWithItsClassesInAnotherOrderIsReordered() throws IOException {
        int k = teacher.getOutputIDInfo().size();
        int[] permutation = new int[k];
        for (int c = 0; c < k; c++) {
            permutation[c] = (c * 3 + 1) % k; // 1, 4, 7, 0, 3, ... for ten classes
        }
        List<String> classes = DenseExamples.classNames(teacher.getOutputIDInfo());
        List<String> permuted = new ArrayList<>();
        for (int p : permutation) {
            permuted.add(classes.get(p));
        }
        assertNotEquals(classes, permuted);
        Path file = save(withMetadata(withOutputColumns(exported, permutation), TrainedNetwork.CLASSES_KEY,
                String.join("\n", permuted)), "permuted.onnx");
        double difference = maxDifference(studentOfModel, student(fileTrainer(file)));
        assertTrue(difference < SAME_STUDENT, "students differ by " + difference);
    }

    @Test
    void aFileOfOtherClassesIsRefusedBeforeTrainingNamingBothSets() throws IOException {
        List<String> classes = new ArrayList<>(DenseExamples.classNames(teacher.getOutputIDInfo()));
        classes.set(classes.size() - 1, "ankle boot");
        Path file = save(withMetadata(exported, TrainedNetwork.CLASSES_KEY, String.join("\n", classes)), "other.onnx");
        DistillationTrainer trainer = fileTrainer(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(train));
        String dataClasses = DenseExamples.classNames(train.getOutputIDInfo()).toString();
        assertTrue(e.getMessage().contains(classes.toString()) && e.getMessage().contains(dataClasses)
                && e.getMessage().contains("same classes"), e.getMessage());
        assertEquals(0, trainer.getInvocationCount(), "refused before the training run began");
    }

    @Test
    void probabilitiesAreNeverReadAsLogits() throws IOException {
        double ofModel = ece(studentOfModel);
        assertEquals(ofModel, ece(studentOfFile), SAME_STUDENT);
        // without the metadata entry, rows that sum to 1 are still read as probabilities
        Path unmarked = save(withMetadata(exported, TrainedNetwork.SCORES_KEY, null), "unmarked.onnx");
        assertEquals(ofModel, ece(student(fileTrainer(unmarked))), SAME_STUDENT);
        // measured: the teacher's ECE 0.100, its students' 0.093
        double sane = ece(teacher) + 0.05;
        assertTrue(ofModel < sane, "ECE " + ofModel + " of the student, teacher + 0.05 is " + sane);
        // the same file declaring its probabilities to be logits: softmax(p / T) is nearly uniform, so
        // the student is pulled towards uniform predictions and is far worse calibrated (measured 0.318)
        Path misread = save(withMetadata(exported, TrainedNetwork.SCORES_KEY, "logits"), "misread.onnx");
        double ofMisread = ece(student(fileTrainer(misread)));
        assertTrue(ofMisread > sane + 0.1, "ECE " + ofMisread + " of the misreading student vs " + ofModel);
    }

    private static DistillationTrainer fileTrainer(Path file) {
        return new DistillationTrainer(file, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6,
                Settings.small().hiddenSizes(16), 2);
    }

    private static NetworkModel student(DistillationTrainer trainer) {
        return trainer.train(train);
    }

    private static double ece(Model<Label> model) {
        return CalibrationReport.of(TribuoPredictions.of(model.predict(test), model.getOutputIDInfo()))
                .value(Metric.ECE);
    }

    /** @return the largest difference of a class probability between the two models on the test data */
    private static double maxDifference(Model<Label> a, Model<Label> b) {
        return Comparisons.maxDifference(a.predict(test), b.predict(test));
    }

    private static String metadata(OnnxMl.ModelProto model, String key) {
        return model.getMetadataPropsList().stream().filter(e -> e.getKey().equals(key)).findFirst().orElseThrow()
                .getValue();
    }

    /** @return the model with the metadata entry's value replaced, or the entry removed when the value is null */
    private static OnnxMl.ModelProto withMetadata(OnnxMl.ModelProto model, String key, String value) {
        OnnxMl.ModelProto.Builder b = model.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto e : model.getMetadataPropsList()) {
            if (!e.getKey().equals(key)) {
                b.addMetadataProps(e);
            } else if (value != null) {
                b.addMetadataProps(e.toBuilder().setValue(value));
            }
        }
        return b.build();
    }

    /**
     * @param permutation new column j holds old column permutation[j]
     * @return the model with a Gather over its output's columns appended
     */
    private static OnnxMl.ModelProto withOutputColumns(OnnxMl.ModelProto model, int[] permutation) {
        OnnxMl.GraphProto.Builder g = model.getGraph().toBuilder();
        String output = g.getOutput(0).getName();
        for (OnnxMl.NodeProto.Builder node : g.getNodeBuilderList()) {
            for (int i = 0; i < node.getOutputCount(); i++) {
                if (node.getOutput(i).equals(output)) {
                    node.setOutput(i, "unpermuted");
                }
            }
        }
        OnnxMl.TensorProto.Builder indices = OnnxMl.TensorProto.newBuilder().setName("permutation")
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(permutation.length);
        for (int p : permutation) {
            indices.addInt64Data(p);
        }
        g.addInitializer(indices).addNode(OnnxMl.NodeProto.newBuilder().setOpType("Gather").setName("permute")
                .addInput("unpermuted").addInput("permutation").addOutput(output)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis").setI(1)
                        .setType(OnnxMl.AttributeProto.AttributeType.INT)));
        return model.toBuilder().setGraph(g).build();
    }

    private static Path save(OnnxMl.ModelProto model, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, model.toByteArray());
        return file;
    }
}
