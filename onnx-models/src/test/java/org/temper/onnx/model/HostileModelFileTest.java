package org.temper.onnx.model;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Parameter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken model files, built here with the ONNX protobuf classes: each is refused with one
 * message naming the problem, and none reads a byte outside the model's folder.
 */
@Tag("faults")
class HostileModelFileTest {

    @TempDir
    Path dir;

    private static ModelProto model() {
        Mlp net = Mlp.create(new long[] {3}, new int[] {4}, 2, 0, Initializer.HE_NORMAL, null, 1);
        List<TensorData> initial = net.parameters().stream().map(Parameter::initial).toList();
        return new TrainedNetwork(net, initial, List.of("a", "b"), Map.of()).toOnnx();
    }

    private Path write(String name, ModelProto m) throws IOException {
        Path p = dir.resolve("models").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, m.toByteArray());
        return p;
    }

    private static TensorProto external(String name, String location, String offset) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        if (offset != null) {
            t.addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(offset));
        }
        return t.build();
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void externalDataOfASparseInitializerStaysInsideTheModelsFolder() throws Exception {
        Files.writeString(dir.resolve("secret.bin"), "0123");
        SparseTensorProto sparse = SparseTensorProto.newBuilder().setValues(external("s_values", "../secret.bin", null))
                .setIndices(TensorProto.newBuilder().setName("s_idx").setDataType(TensorProto.DataType.INT64_VALUE)
                        .addDims(1).addInt64Data(0)).addDims(4).build();
        ModelProto m = model();
        Path p = write("sparse.onnx", m.toBuilder().setGraph(m.getGraph().toBuilder().addSparseInitializer(sparse)).build());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(p));
        assertMessage(e, "s_values", "outside the model's folder");
    }

    @Test
    void externalDataOfAConstantNodesSparseValueStaysInsideTheModelsFolder() throws Exception {
        Files.writeString(dir.resolve("secret.bin"), "0123");
        SparseTensorProto sparse = SparseTensorProto.newBuilder().setValues(external("c_values", "/etc/hostname", null))
                .setIndices(TensorProto.newBuilder().setName("c_idx").setDataType(TensorProto.DataType.INT64_VALUE)
                        .addDims(1).addInt64Data(0)).addDims(4).build();
        NodeProto constant = NodeProto.newBuilder().setOpType("Constant").setName("c").addOutput("c_out")
                .addAttribute(AttributeProto.newBuilder().setName("sparse_value").setType(AttributeProto.AttributeType.SPARSE_TENSOR)
                        .setSparseTensor(sparse)).build();
        ModelProto m = model();
        Path p = write("constant.onnx", m.toBuilder().setGraph(m.getGraph().toBuilder().addNode(constant)).build());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(p));
        assertMessage(e, "c_values", "outside the model's folder");
    }

    @Test
    void aNonNumericExternalOffsetIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.write(dir.resolve("models").resolve("w.bin"), new byte[64]);
        ModelProto m = model();
        GraphProto g = m.getGraph().toBuilder().setInitializer(0, external(m.getGraph().getInitializer(0).getName(),
                "w.bin", "abc")).build();
        Path p = write("offset.onnx", m.toBuilder().setGraph(g).build());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(p));
        assertMessage(e, "offset 'abc'", "not a whole number");
    }

    @Test
    void aCustomDomainIsNamedWithItsNode() throws Exception {
        ModelProto m = model();
        NodeProto custom = NodeProto.newBuilder().setOpType("Magic").setName("evil").setDomain("com.example")
                .addInput("input").addOutput("magic_out").build();
        Path p = write("custom.onnx", m.toBuilder().setGraph(m.getGraph().toBuilder().addNode(custom)).build());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(p));
        assertMessage(e, "node 'evil'", "Magic", "com.example");
    }

    @Test
    void nanWeightsAreNamed() throws Exception {
        ModelProto m = model();
        TensorProto w = m.getGraph().getInitializer(0);
        ByteBuffer raw = ByteBuffer.wrap(w.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        raw.putFloat(4, Float.NaN);
        GraphProto g = m.getGraph().toBuilder().setInitializer(0, w.toBuilder().setRawData(ByteString.copyFrom(raw.array())))
                .build();
        Path p = write("nan.onnx", m.toBuilder().setGraph(g).build());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(p));
        assertMessage(e, "'" + w.getName() + "'", "NaN", "element 1");
    }

    @Test
    void aSecondInputIsRefused() throws Exception {
        ModelProto m = model();
        ValueInfoProto second = m.getGraph().getInput(0).toBuilder().setName("other").build();
        Path p = write("two.onnx", m.toBuilder().setGraph(m.getGraph().toBuilder().addInput(second)).build());
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(p));
        assertMessage(e, "has 2 inputs");
    }

    private float[] predict(Path p) throws Exception {
        DenseDataset d = DenseDataset.of(new float[] {1, 2, 3}, new long[] {0}, new long[] {3}, 2);
        try (ModelSession s = ModelFiles.read(p).session(ExecutionSettings.DEFAULT)) {
            return s.logits(d.features(), 1);
        }
    }

    @Test
    void anUnknownOperatorAndAFutureOpsetAreOneLineNamingTheModel() throws Exception {
        ModelProto m = model();
        GraphProto.Builder g = m.getGraph().toBuilder();
        int relu = 0;
        while (!g.getNode(relu).getOpType().equals("Relu")) {
            relu++;
        }
        g.setNode(relu, g.getNode(relu).toBuilder().setOpType("Reluu"));
        Path unknown = write("unknown.onnx", m.toBuilder().setGraph(g).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> predict(unknown));
        assertMessage(e, "ONNX Runtime cannot load " + unknown, "Reluu");

        Path future = write("future.onnx", m.toBuilder().clearOpsetImport()
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(99)).build());
        e = assertThrows(IllegalArgumentException.class, () -> predict(future));
        assertMessage(e, "ONNX Runtime cannot load " + future);
    }

    @Test
    void weightsOfTheWrongShapeAreOneLineNamingTheModel() throws Exception {
        ModelProto m = model();
        TensorProto w = m.getGraph().getInitializer(0);
        int count = (int) (w.getDims(0) * (w.getDims(1) + 1));
        ByteBuffer raw = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        GraphProto g = m.getGraph().toBuilder().setInitializer(0, w.toBuilder().clearDims().addDims(w.getDims(0))
                .addDims(w.getDims(1) + 1).setRawData(ByteString.copyFrom(raw.array()))).build();
        Path p = write("shape.onnx", m.toBuilder().setGraph(g).build());
        Exception e = assertThrows(Exception.class, () -> predict(p));
        assertTrue(e instanceof IllegalArgumentException || e instanceof ai.onnxruntime.OrtException, e.toString());
        assertMessage(e, p.toString());
    }
}
