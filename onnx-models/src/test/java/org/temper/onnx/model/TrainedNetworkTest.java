package org.temper.onnx.model;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Parameter;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainedNetworkTest {

    @Test
    void aParameterIsFoundByItsNameAndTheFinalWeightsRowsAreTheTemplates() {
        Mlp mlp = Mlp.create(new long[] {4}, new int[] {5}, 3, 0, Initializer.HE_NORMAL, null, 1);
        List<TensorData> values = mlp.parameters().stream().map(Parameter::initial).toList();
        TrainedNetwork net = new TrainedNetwork(mlp, values, List.of("a", "b", "c"), Map.of());
        TensorData templates = net.parameter(Mlp.weightName(1));
        assertArrayEquals(new long[] {3, 5}, templates.shape());
        assertArrayEquals(values.get(2).toFloats(), templates.toFloats());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.parameter("W7"));
        assertTrue(e.getMessage().contains("no parameter 'W7'") && e.getMessage().contains("[W0, b0, W1, b1]"),
                e.getMessage());
    }
}
