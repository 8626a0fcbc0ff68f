package org.temper.onnx.imports;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.zoo.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the importer accepts and rejects, on small models built in Java and on the exported ones. */
class ImportChecksTest {

    private static final BiFunction<GraphBuilder, Value, Value> NONE = (b, v) -> v;

    /** x -> before(x) -> Gemm with W [3, 4] and bias [3] -> after -> output "logits". */
    private static ModelProto linear(DType type, Shape x, BiFunction<GraphBuilder, Value, Value> before,
                                     BiFunction<GraphBuilder, Value, Value> after) {
        GraphBuilder b = new GraphBuilder();
        Value in = b.input("x", type, x);
        float[] w = new float[12];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.1f * (i - 6);
        }
        Value h = b.gemm(before.apply(b, in), b.initializer("W", TensorData.ofFloats(w, 3, 4)),
                b.initializer("bias", TensorData.ofFloats(new float[] {0.1f, 0, -0.1f}, 3)), false, true);
        b.output(after.apply(b, h), "logits");
        return OnnxProto.toModel(b.build("g"), "test", Map.of());
    }

    private static ModelProto linear(BiFunction<GraphBuilder, Value, Value> before,
                                     BiFunction<GraphBuilder, Value, Value> after) {
        return linear(DType.FLOAT, Shape.batchOf(4), before, after);
    }

    private static String error(ModelProto model) {
        return assertThrows(ImportException.class, () -> ExportedModels.importer().importModel(model)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
        }
    }

    @Test
    void anExportedOperatorWithoutAGradientRuleOnTheTrainablePathIsNamedWithItsNode() {
        String m = assertThrows(ImportException.class,
                () -> ExportedModels.importer().read(ExportedModels.path("cos.onnx"))).getMessage();
        assertMentions(m, "cos.onnx", "Operator Cos (node '/Cos')", "'fc1.weight'", "no gradient rule", "Gemm", "Tanh");
    }

    @Test
    void anImportableOperatorWithoutAGradientRuleIsStillRejectedOnTheTrainablePath() {
        // logits = Gemm(x) + Gather(table, 2): the table is trainable, but Gather has no gradient rule
        String m = error(linear(NONE, (b, h) -> b.add(h, b.gather(
                b.initializer("table", TensorData.ofFloats(new float[15], 5, 3)), b.longScalar(2), 0))));
        assertMentions(m, "Operator Gather", "'table'");
    }

    @Test
    void anUnknownOperatorOffTheTrainablePathIsNamedWithTheOperatorsTheImporterHandles() {
        String m = error(linear((b, x) -> b.op("Cos", List.of(x), Map.of(), List.of(x)).get(0), NONE));
        assertMentions(m, "(Cos)", "cannot import operator Cos", "Reshape", "Unsqueeze");
    }

    @Test
    void aFileThatIsNotOnnxIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.onnx");
        Files.writeString(file, "These are not the weights you are looking for.\n");
        IOException e = assertThrows(IOException.class, () -> ExportedModels.importer().read(file));
        assertMentions(e.getMessage(), "notes.onnx", "not an ONNX model");
    }

    @Test
    void anInputThatDoesNotExistIsAnErrorListingTheInputs() {
        String m = assertThrows(ImportException.class,
                () -> ExportedModels.importer().input("pixels").read(ExportedModels.path("mlp.onnx"))).getMessage();
        assertMentions(m, "no input 'pixels'", "[input]");
    }

    @Test
    void severalOutputsNeedTheLogitsNamedUnlessOneIsCalledLogits() throws Exception {
        ai.onnx.proto.OnnxMl.ModelProto mixed = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(
                java.nio.file.Files.readAllBytes(ExportedModels.path("mixed.onnx")));
        assertEquals(ExportedModels.importer().logits("logits").importModel(mixed).numClasses(),
                ExportedModels.importer().importModel(mixed).numClasses());
        ai.onnx.proto.OnnxMl.ModelProto.Builder renamed = mixed.toBuilder();
        var graph = renamed.getGraphBuilder();
        for (int i = 0; i < graph.getOutputCount(); i++) {
            if (graph.getOutput(i).getName().equals("logits")) {
                graph.setOutput(i, graph.getOutput(i).toBuilder().setName("scores"));
            }
        }
        for (var node : graph.getNodeBuilderList()) {
            for (int i = 0; i < node.getOutputCount(); i++) {
                if (node.getOutput(i).equals("logits")) {
                    node.setOutput(i, "scores");
                }
            }
        }
        String m = assertThrows(ImportException.class,
                () -> ExportedModels.importer().importModel(renamed.build())).getMessage();
        assertMentions(m, "3 outputs [scores, features, probabilities]", "name the one holding the logits");
        String unknown = assertThrows(ImportException.class, () -> ExportedModels.importer().logits("z")
                .read(ExportedModels.path("mixed.onnx"))).getMessage();
        assertMentions(unknown, "'z'", "[logits, features, probabilities]");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 18})
    void opsetsOutside13To17AreRejected(long opset) {
        ModelProto m = linear(NONE, NONE);
        ModelProto other = m.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("")
                .setVersion(opset)).build();
        assertMentions(error(other), "opset " + opset, "13 to 17", "opset_version=17");
    }

    @ParameterizedTest
    @ValueSource(longs = {13, 14, 15, 16, 17})
    void opsets13To17AreImported(long opset) {
        ModelProto m = linear(NONE, NONE);
        ModelProto other = m.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setDomain("")
                .setVersion(opset)).build();
        assertEquals(3, ExportedModels.importer().importModel(other).numClasses());
    }

    @Test
    void aNonFloatInputIsRejected() {
        assertMentions(error(linear(DType.INT64, Shape.batchOf(4), NONE, NONE)), "Input 'x'", "INT64", "float");
    }

    @Test
    void anUnknownDimensionOtherThanTheBatchIsRejected() {
        Shape x = Shape.of(List.of(Dim.symbol("N"), Dim.symbol("features")));
        assertMentions(error(linear(DType.FLOAT, x, NONE, NONE)), "Input 'x'", "dimension 1 (features) is not fixed");
    }

    @Test
    void logitsThatAreNotAMatrixAreRejected() {
        assertMentions(error(linear(NONE, (b, h) -> b.reshape(h, 0, 3, 1))), "logits", "[N, 3, 1]", "[batch, classes]");
    }

    @Test
    void aBatchSizeBakedIntoAReshapeIsRejectedWithAHint() {
        ModelProto m = linear(DType.FLOAT, Shape.batchOf(2, 2), (b, x) -> b.reshape(x, 1, 4), NONE);
        assertMentions(error(m), "[1, 3]", "batch dimension is lost", "dynamic_axes");
    }

    @Test
    void aReshapeToMinusOneKeepsTheSymbolicBatch() {
        ModelProto m = linear(DType.FLOAT, Shape.batchOf(2, 2), (b, x) -> b.reshape(x, -1, 4), NONE);
        ImportedNetwork net = ExportedModels.importer().importModel(m);
        assertEquals(3, net.numClasses());
        GraphBuilder b = new GraphBuilder();
        Network.Forward f = net.forward(b, b.input("in", DType.FLOAT, Shape.of(List.of(Dim.symbol("B"),
                Dim.of(2), Dim.of(2)))), parameterInputs(b, net), true);
        assertEquals(Shape.of(List.of(Dim.symbol("B"), Dim.of(3))), f.logits().shape());
    }

    private static Map<String, Value> parameterInputs(GraphBuilder b, Network net) {
        Map<String, Value> params = new LinkedHashMap<>();
        net.parameters().forEach(p -> params.put(p.name(), b.input("p_" + p.name(), p.initial().dtype(),
                Shape.of(p.initial().shape()))));
        return params;
    }

    @Test
    void dropoutWithoutTrainingModeGetsItAndAMaskInTrainingAndVanishesAtInference() {
        ImportedNetwork net = ExportedModels.importer().importModel(linear((b, x) -> b.op("Dropout",
                List.of(x, b.scalar(0.25, DType.FLOAT)), Map.of(), List.of(x)).get(0), NONE));
        assertEquals(List.of("W", "bias"), net.parameters().stream().map(p -> p.name()).toList());
        GraphBuilder training = new GraphBuilder();
        net.forward(training, training.input("in", DType.FLOAT, Shape.batchOf(4)), parameterInputs(training, net), true);
        List<Node> dropouts = training.nodes().stream().filter(n -> n.opType().equals("Dropout")).toList();
        assertEquals(1, dropouts.size());
        assertEquals(3, dropouts.get(0).inputs().size(), "ratio and training_mode");
        assertEquals(DType.BOOL, dropouts.get(0).output(1).dtype(), "the mask");
        GraphBuilder inference = new GraphBuilder();
        net.forward(inference, inference.input("in", DType.FLOAT, Shape.batchOf(4)), parameterInputs(inference, net),
                false);
        assertTrue(inference.nodes().stream().noneMatch(n -> n.opType().equals("Dropout")));
    }
}
