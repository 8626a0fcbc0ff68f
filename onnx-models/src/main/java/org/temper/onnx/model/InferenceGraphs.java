package org.temper.onnx.model;

import org.temper.onnx.data.Standardization;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.program.ProgramNames;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference graphs of a network: the forward pass without dropout, to logits and probabilities,
 * behind the input standardisation the network was trained with (when it was).
 */
public final class InferenceGraphs {

    private InferenceGraphs() {
    }

    /**
     * The graph saved as a trained model: parameters are initializers, so any ONNX consumer can run it.
     * @param network the architecture
     * @param trained parameter values in the order of {@link Network#parameters()}
     * @param standardization the input standardisation fitted on the training data, or null for none:
     *        its means and scales become the graph's first nodes, so that consumers feed raw features
     * @return a graph from {@value ProgramNames#INPUT} to logits, probabilities and penultimate activations
     */
    public static Graph withInitializers(Network network, List<TensorData> trained, Standardization standardization) {
        GraphBuilder b = new GraphBuilder();
        Value input = declareInput(b, network);
        if (standardization != null) {
            long[] shape = standardization.exampleShape();
            Value mean = b.initializer(ProgramNames.INPUT_MEAN, TensorData.ofFloats(standardization.mean(), shape));
            Value scale = b.initializer(ProgramNames.INPUT_SCALE, TensorData.ofFloats(standardization.scale(), shape));
            input = b.mul(b.sub(input, mean), scale);
        }
        Map<String, Value> params = new LinkedHashMap<>();
        List<Parameter> ps = network.parameters();
        for (int i = 0; i < ps.size(); i++) {
            params.put(ps.get(i).name(), b.initializer(ps.get(i).name(), trained.get(i)));
        }
        Network.Forward f = network.forward(b, input, params, false);
        b.output(f.logits(), ProgramNames.LOGITS);
        b.output(b.softmax(f.logits(), -1), ProgramNames.PROBABILITIES);
        if (f.penultimate() != null) {
            b.output(f.penultimate(), ProgramNames.PENULTIMATE);
        }
        return b.build("temper_classifier");
    }

    /**
     * The graph used to evaluate during training: parameters are inputs named
     * {@link ProgramNames#param}, so the training session's tensors feed it without copies.
     * @param network the architecture
     * @return a graph from input and parameters to logits
     */
    public static Graph withParameterInputs(Network network) {
        GraphBuilder b = new GraphBuilder();
        Value input = declareInput(b, network);
        Map<String, Value> params = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            params.put(p.name(), b.input(ProgramNames.param(p.name()), p.initial().dtype(),
                    Shape.of(p.initial().shape())));
        }
        b.output(network.forward(b, input, params, false).logits(), ProgramNames.LOGITS);
        return b.build("temper_evaluation");
    }

    private static Value declareInput(GraphBuilder b, Network network) {
        List<Dim> dims = new ArrayList<>();
        dims.add(Dim.symbol("N"));
        for (long d : network.exampleShape()) {
            dims.add(Dim.of(d));
        }
        return b.input(ProgramNames.INPUT, DType.FLOAT, Shape.of(dims));
    }
}
