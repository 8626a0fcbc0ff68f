package org.temper.onnx.model;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one teacher rule: classes by name, probabilities recognised, other classes refused. */
class TeacherLogitsTest {

    @Test
    void probabilitiesBecomeLogColumnsReorderedByName() {
        float[] p = {0.7f, 0.2f, 0.1f, 0f, 0.5f, 0.5f};
        float[] z = TeacherLogits.fromProbabilities(p, List.of("b", "c", "a"), List.of("a", "b", "c"), "teacher t");
        assertArrayEquals(new float[] {(float) Math.log(0.1), (float) Math.log(0.7), (float) Math.log(0.2),
            (float) Math.log(0.5), TeacherLogits.LOG_FLOOR, (float) Math.log(0.5)}, z, 1e-6f);
    }

    @Test
    void otherClassesAreRefusedNamingBothSets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                TeacherLogits.fromProbabilities(new float[] {0.5f, 0.5f}, List.of("x", "y"), List.of("a", "b"), "teacher t"));
        assertTrue(e.getMessage().contains("[x, y]") && e.getMessage().contains("[a, b]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () ->
                TeacherLogits.fromProbabilities(new float[] {1.5f, -0.5f}, List.of("a", "b"), List.of("a", "b"), "t"));
    }

    @Test
    void rowsOfProbabilitiesAreRecognised() {
        assertTrue(TeacherLogits.looksLikeProbabilities(new float[] {0.25f, 0.75f, 1f, 0f}, 2));
        assertFalse(TeacherLogits.looksLikeProbabilities(new float[] {0.25f, 0.75f, 2f, -1f}, 2));
        assertFalse(TeacherLogits.looksLikeProbabilities(new float[] {0.2f, 0.2f}, 2));
    }

    @Test
    void aTemperFileTeachesItsLogitsInTheDataOrder(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.create(new long[] {3}, new int[] {4}, 3, 0, Initializer.HE_NORMAL, null, 5);
        List<TensorData> initial = net.parameters().stream().map(Parameter::initial).toList();
        TrainedNetwork teacher = new TrainedNetwork(net, initial, List.of("c", "a", "b"), Map.of());
        Path file = dir.resolve("teacher.onnx");
        teacher.save(file);
        DenseDataset data = new DenseDataset(java.nio.FloatBuffer.wrap(new float[] {1, 2, 3, -1, 0, 2}),
                new long[] {0, 1}, new long[] {3}, List.of("a", "b", "c"));
        float[] own;
        try (ModelSession s = teacher.session(ExecutionSettings.DEFAULT)) {
            own = s.logits(data.features(), 2);
        }
        float[] read = TeacherLogits.fromFile(file, data, ExecutionSettings.DEFAULT);
        for (int i = 0; i < 2; i++) {
            assertEquals(own[i * 3 + 1], read[i * 3], "column a");
            assertEquals(own[i * 3 + 2], read[i * 3 + 1], "column b");
            assertEquals(own[i * 3], read[i * 3 + 2], "column c");
        }
        DenseDataset others = new DenseDataset(data.features(), new long[] {0, 1}, new long[] {3}, List.of("a", "b", "d"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeacherLogits.fromFile(file, others, ExecutionSettings.DEFAULT));
        assertTrue(e.getMessage().contains("[c, a, b]") && e.getMessage().contains("[a, b, d]"), e.getMessage());
    }

    @Test
    void aFileWhoseOutputIsProbabilitiesIsReadByItsLogarithm(@TempDir Path dir) throws Exception {
        Mlp net = Mlp.create(new long[] {3}, new int[] {4}, 2, 0, Initializer.HE_NORMAL, null, 6);
        List<TensorData> initial = net.parameters().stream().map(Parameter::initial).toList();
        TrainedNetwork trained = new TrainedNetwork(net, initial, List.of("a", "b"), Map.of());
        // a foreign export: the probabilities are its only output, and nothing in its metadata says so
        OnnxMl.ModelProto m = trained.toOnnx();
        OnnxMl.GraphProto g = m.getGraph().toBuilder().clearOutput()
                .addOutput(m.getGraph().getOutputList().stream().filter(o -> o.getName().equals("probabilities"))
                        .findFirst().orElseThrow()).build();
        Path file = dir.resolve("probabilities.onnx");
        Files.write(file, m.toBuilder().setGraph(g).clearMetadataProps().build().toByteArray());
        DenseDataset data = new DenseDataset(java.nio.FloatBuffer.wrap(new float[] {1, 2, 3}), new long[] {0},
                new long[] {3}, List.of("a", "b"));
        float[] z;
        try (ModelSession s = trained.session(ExecutionSettings.DEFAULT)) {
            z = s.logits(data.features(), 1);
        }
        float[] read = TeacherLogits.fromFile(file, data, ExecutionSettings.DEFAULT);
        // log-probabilities are the logits shifted by log-sum-exp: the differences agree
        assertEquals(z[0] - z[1], read[0] - read[1], 1e-5);
    }
}
