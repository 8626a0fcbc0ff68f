package org.temper.onnx.zoo;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A multilayer perceptron: flatten, then Gemm + ReLU (+ dropout) per hidden layer, then a final
 * Gemm to the logits. Weights are stored [out, in] (as PyTorch's Linear), so the rows of the
 * final weight matrix are the class templates.
 */
public final class Mlp implements Network {

    private final long[] exampleShape;
    private final int inputSize;
    private final int[] hidden;
    private final int numClasses;
    private final double dropout;
    private final List<Parameter> parameters;

    private Mlp(long[] exampleShape, int[] hidden, int numClasses, double dropout, List<Parameter> parameters) {
        this.exampleShape = exampleShape.clone();
        this.inputSize = (int) Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        this.hidden = hidden.clone();
        this.numClasses = numClasses;
        this.dropout = dropout;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * @param exampleShape the shape of one example (flattened inside the network)
     * @param hidden hidden layer widths, possibly none
     * @param numClasses number of classes, at least 2
     * @param dropout dropout probability after each hidden layer, in [0, 1)
     * @param init weight initialiser
     * @param layerRates learning-rate multiplier per layer (hidden layers then output), or null for all 1
     * @param seed seed of the initialiser
     * @return the network with freshly initialised parameters
     */
    public static Mlp create(long[] exampleShape, int[] hidden, int numClasses, double dropout, Initializer init,
                             double[] layerRates, long seed) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("A classifier needs at least 2 classes, got " + numClasses);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Dropout must be in [0, 1), got " + dropout);
        }
        if (layerRates != null && layerRates.length != hidden.length + 1) {
            throw new IllegalArgumentException("Per-layer learning rates need " + (hidden.length + 1)
                    + " entries (hidden layers then output), got " + layerRates.length);
        }
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException("Hidden layer sizes must be positive, got " + Arrays.toString(hidden));
            }
        }
        Random random = new Random(seed);
        List<Parameter> params = new ArrayList<>();
        int in = (int) Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        for (int layer = 0; layer <= hidden.length; layer++) {
            int out = layer < hidden.length ? hidden[layer] : numClasses;
            double rate = layerRates == null ? 1.0 : layerRates[layer];
            params.add(new Parameter(weightName(layer),
                    TensorData.ofFloats(init.weights(in, out, out * in, random), out, in), rate));
            params.add(new Parameter("b" + layer, TensorData.ofFloats(init.biases(out, random), out), rate));
            in = out;
        }
        return new Mlp(exampleShape, hidden, numClasses, dropout, params);
    }

    /**
     * @param layer 0 for the first layer, the number of hidden layers for the final one
     * @return the name of that layer's weights [out, in]; the final layer's rows are the class templates
     */
    public static String weightName(int layer) {
        return "W" + layer;
    }

    @Override
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Forward forward(GraphBuilder b, Value input, Map<String, Value> params, boolean training) {
        Value h = exampleShape.length == 1 ? input : b.reshape(input, 0, inputSize);
        for (int layer = 0; layer < hidden.length; layer++) {
            h = b.relu(b.gemm(h, params.get(weightName(layer)), params.get("b" + layer), false, true));
            if (training && dropout > 0) {
                h = b.dropout(h, dropout, 1000L + layer).get(0);
            }
        }
        int last = hidden.length;
        Value logits = b.gemm(h, params.get(weightName(last)), params.get("b" + last), false, true);
        return new Forward(logits, h);
    }

    @Override
    public String describe() {
        return "mlp " + inputSize + "-" + Arrays.stream(hidden).mapToObj(Integer::toString)
                .reduce((x, y) -> x + "-" + y).map(s -> s + "-").orElse("") + numClasses
                + (dropout > 0 ? " dropout=" + dropout : "");
    }
}
