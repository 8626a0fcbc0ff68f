package org.temper.onnx.zoo;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.model.InferenceGraphs;
import org.temper.onnx.program.ProgramNames;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConvNetTest {

    private static List<long[]> shapes(Network net) {
        return net.parameters().stream().map(p -> p.initial().shape()).toList();
    }

    @Test
    void leNet5HasTheClassicLayerShapes() {
        Network net = LeNet5.create(new long[] {1, 28, 28}, 10, 0, Initializer.HE_NORMAL, 1);
        List<long[]> expected = List.of(new long[] {6, 1, 5, 5}, new long[] {6}, new long[] {16, 6, 5, 5},
                new long[] {16}, new long[] {120, 400}, new long[] {120}, new long[] {84, 120}, new long[] {84},
                new long[] {10, 84}, new long[] {10});
        assertEquals(expected.size(), net.parameters().size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), shapes(net).get(i), net.parameters().get(i).name());
        }
        assertEquals("lenet5 1x28x28-conv6@5x5-pool2-conv16@5x5-pool2-120-84-10", net.describe());
    }

    @Test
    void muellerAlexNetPoolsWithSamePaddingOnBothImageSizes() {
        Network cifar = MuellerAlexNet.create(new long[] {3, 32, 32}, 10, 0, Initializer.HE_NORMAL, 1);
        Network fashion = MuellerAlexNet.create(new long[] {1, 28, 28}, 10, 0, Initializer.HE_NORMAL, 1);
        assertArrayEquals(new long[] {64, 3, 5, 5}, shapes(cifar).get(0));
        assertArrayEquals(new long[] {384, 64 * 8 * 8}, shapes(cifar).get(4));
        assertArrayEquals(new long[] {384, 64 * 7 * 7}, shapes(fashion).get(4));
        assertArrayEquals(new long[] {192, 384}, shapes(fashion).get(6));
    }

    @Test
    void inferenceGraphGivesLogitsAndPenultimateOfTheLastHiddenLayer() throws Exception {
        Network net = MuellerAlexNet.create(new long[] {1, 28, 28}, 7, 0.5, Initializer.HE_NORMAL, 3);
        float[] x = new float[2 * 28 * 28];
        Arrays.fill(x, 0.5f);
        try (GraphSession s = new GraphSession(InferenceGraphs.withInitializers(net,
                net.parameters().stream().map(Parameter::initial).toList(), null), ExecutionSettings.DEFAULT)) {
            Map<String, TensorData> out = s.run(Map.of(ProgramNames.INPUT, TensorData.ofFloats(x, 2, 1, 28, 28)));
            assertArrayEquals(new long[] {2, 7}, out.get(ProgramNames.LOGITS).shape());
            assertArrayEquals(new long[] {2, 192}, out.get(ProgramNames.PENULTIMATE).shape());
        }
    }

    @Test
    void seedsMakeInitialWeightsReproducible() {
        Network a = LeNet5.create(new long[] {1, 28, 28}, 10, 0, Initializer.HE_NORMAL, 5);
        Network b = LeNet5.create(new long[] {1, 28, 28}, 10, 0, Initializer.HE_NORMAL, 5);
        Network c = LeNet5.create(new long[] {1, 28, 28}, 10, 0, Initializer.HE_NORMAL, 6);
        assertArrayEquals(a.parameters().get(0).initial().toFloats(), b.parameters().get(0).initial().toFloats());
        assertEquals(false, Arrays.equals(a.parameters().get(0).initial().toFloats(),
                c.parameters().get(0).initial().toFloats()));
    }

    @Test
    void flatExamplesOrTooSmallImagesAreClearErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> LeNet5.create(new long[] {784}, 10, 0, Initializer.HE_NORMAL, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LeNet5.create(new long[] {1, 8, 8}, 10, 0, Initializer.HE_NORMAL, 1));
    }
}
