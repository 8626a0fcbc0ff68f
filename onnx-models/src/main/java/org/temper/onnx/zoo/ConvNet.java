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
 * A convolutional classifier for [C, H, W] images: convolution stages (convolution, ReLU, max
 * pooling), then the pooled features flattened into an {@link Mlp} head of fully connected ReLU
 * layers. The penultimate activations are the head's last hidden layer. Training graphs emit
 * MaxPool with its Indices output, which the gradient rule reads; inference graphs do not.
 * Convolution weights are [out, in, k, k] (as PyTorch's Conv2d), named convW0, convB0, ...
 */
public final class ConvNet implements Network {

    private final String name;
    private final long[] exampleShape;
    private final List<ConvStage> stages;
    private final long[][] poolPads;
    private final long flatSize;
    private final Mlp head;
    private final List<Parameter> parameters;

    private ConvNet(String name, long[] exampleShape, List<ConvStage> stages, long[][] poolPads, long flatSize,
                    Mlp head, List<Parameter> parameters) {
        this.name = name;
        this.exampleShape = exampleShape;
        this.stages = stages;
        this.poolPads = poolPads;
        this.flatSize = flatSize;
        this.head = head;
        this.parameters = parameters;
    }

    /**
     * @param name the architecture's name, for {@link #describe()}
     * @param exampleShape [C, H, W]
     * @param stages the convolution stages, at least one
     * @param hidden widths of the head's hidden layers
     * @param numClasses number of classes, at least 2
     * @param dropout dropout probability after each hidden layer of the head, in [0, 1)
     * @param init weight initialiser of every layer (fan-in of a convolution: in channels times kernel area)
     * @param seed seed of the initialiser
     * @return the network with freshly initialised parameters
     */
    public static ConvNet create(String name, long[] exampleShape, List<ConvStage> stages, int[] hidden, int numClasses,
                                 double dropout, Initializer init, long seed) {
        if (exampleShape.length != 3) {
            throw new IllegalArgumentException(name + " needs [channels, height, width] examples, got "
                    + Arrays.toString(exampleShape) + "; image data sets have this shape");
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("A convolutional network needs at least one stage");
        }
        Random random = new Random(seed);
        List<Parameter> params = new ArrayList<>();
        long[][] poolPads = new long[stages.size()][];
        long in = exampleShape[0];
        long h = exampleShape[1];
        long w = exampleShape[2];
        for (int i = 0; i < stages.size(); i++) {
            ConvStage s = stages.get(i);
            h = s.convolved(h);
            w = s.convolved(w);
            if (h < s.poolKernel() || w < s.poolKernel()) {
                throw new IllegalArgumentException(name + ": examples of " + Arrays.toString(exampleShape)
                        + " are too small for stage " + i + " (" + s.describe() + ")");
            }
            long[] ph = s.poolPads(h);
            long[] pw = s.poolPads(w);
            poolPads[i] = new long[] {ph[0], pw[0], ph[1], pw[1]};
            h = s.pooled(h);
            w = s.pooled(w);
            int fanIn = (int) in * s.kernel() * s.kernel();
            int fanOut = s.channels() * s.kernel() * s.kernel();
            params.add(new Parameter("convW" + i, TensorData.ofFloats(init.weights(fanIn, fanOut, fanOut * (int) in,
                    random), s.channels(), in, s.kernel(), s.kernel()), 1.0));
            params.add(new Parameter("convB" + i, TensorData.ofFloats(init.biases(s.channels(), random), s.channels()),
                    1.0));
            in = s.channels();
        }
        long flat = in * h * w;
        Mlp head = Mlp.create(new long[] {flat}, hidden, numClasses, dropout, init, null, random.nextLong());
        params.addAll(head.parameters());
        return new ConvNet(name, exampleShape.clone(), List.copyOf(stages), poolPads, flat, head, List.copyOf(params));
    }

    @Override
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    @Override
    public int numClasses() {
        return head.numClasses();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Forward forward(GraphBuilder b, Value input, Map<String, Value> params, boolean training) {
        Value h = input;
        long[] ones = {1, 1};
        for (int i = 0; i < stages.size(); i++) {
            ConvStage s = stages.get(i);
            long[] pads = {s.pad(), s.pad(), s.pad(), s.pad()};
            h = b.relu(b.conv(h, params.get("convW" + i), params.get("convB" + i), ones, pads, ones, 1));
            long[] window = {s.poolKernel(), s.poolKernel()};
            long[] strides = {s.poolStride(), s.poolStride()};
            h = b.maxPool(h, window, strides, poolPads[i], training).get(0);
        }
        return head.forward(b, b.reshape(h, 0, flatSize), params, training);
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(name).append(' ').append(exampleShape[0]).append('x')
                .append(exampleShape[1]).append('x').append(exampleShape[2]);
        for (ConvStage stage : stages) {
            s.append('-').append(stage.describe());
        }
        return s.append(head.describe().substring(head.describe().indexOf('-'))).toString();
    }
}
