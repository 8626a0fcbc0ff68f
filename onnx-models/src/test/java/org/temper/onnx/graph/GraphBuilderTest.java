package org.temper.onnx.graph;

import org.junit.jupiter.api.Test;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GraphBuilderTest {

    @Test
    void gemmReluRunsInOnnxRuntimeWithInferredShapes() throws Exception {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", DType.FLOAT, Shape.batchOf(2));
        Value w = b.initializer("w", TensorData.ofFloats(new float[] {1, -1, 2, 0.5f, 0, 3}, 2, 3));
        Value bias = b.initializer("b", TensorData.ofFloats(new float[] {0, 0, -10}, 3));
        Value y = b.relu(b.gemm(x, w, bias, false, false));
        assertEquals(Shape.of(java.util.List.of(Dim.symbol("N"), Dim.of(3))), y.shape());
        b.output(y, "y");
        try (GraphSession s = new GraphSession(b.build("g"), ExecutionSettings.DEFAULT)) {
            TensorData out = s.run(Map.of("x", TensorData.ofFloats(new float[] {1, 2, -1, 1}, 2, 2))).get("y");
            // W = [[1, -1, 2], [0.5, 0, 3]]
            // row [1, 2]:  [1 + 1, -1 + 0, 2 + 6 - 10] = [2, -1, -2]   -> relu [2, 0, 0]
            // row [-1, 1]: [-1 + 0.5, 1 + 0, -2 + 3 - 10] = [-0.5, 1, -9] -> relu [0, 1, 0]
            assertArrayEquals(new float[] {2, 0, 0, 0, 1, 0}, out.toFloats());
            assertArrayEquals(new long[] {2, 3}, out.shape());
        }
    }

    @Test
    void broadcastFollowsNumpyRulesAndRejectsConflicts() {
        Shape a = Shape.batchOf(3);
        assertEquals(a, GraphBuilder.broadcast(a, Shape.of(3)));
        assertEquals(a, GraphBuilder.broadcast(Shape.of(1, 3), a));
        assertEquals(Shape.of(4, 3), GraphBuilder.broadcast(Shape.of(4, 1), Shape.of(3)));
        assertThrows(IllegalArgumentException.class, () -> GraphBuilder.broadcast(Shape.of(2), Shape.of(3)));
    }

    @Test
    void protobufRoundTripKeepsTypesShapesAndAttributes() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", DType.DOUBLE, Shape.batchOf(4));
        b.output(b.softmax(b.transpose(b.reshape(x, 0, 2, 2), 0, 2, 1), -1), "p");
        Graph g = b.build("g");
        Graph back = OnnxProto.fromGraphProto(OnnxProto.toGraphProto(g));
        assertEquals(g.nodes().size(), back.nodes().size());
        assertEquals(g.inputs(), back.inputs());
        assertEquals(x.shape(), back.inputs().get(0).shape());
        assertArrayEquals(new long[] {0, 2, 1}, back.nodes().get(2).intsAttr("perm"));
        assertEquals(Shape.batchOf(2, 2), g.nodes().get(2).output(0).shape());
    }
}
