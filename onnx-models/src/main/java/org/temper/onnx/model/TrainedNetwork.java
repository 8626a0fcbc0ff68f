package org.temper.onnx.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import org.temper.onnx.data.Standardization;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network with trained parameters and the input standardisation it was trained behind, if any.
 * It becomes an ordinary ONNX inference model (standardisation as the first nodes, weights as
 * initializers; outputs logits, probabilities and penultimate activations; training settings as
 * metadata) that any ONNX consumer can load and feed with raw features.
 */
public final class TrainedNetwork {

    /** Metadata key of the class names, one per line, in label order. */
    public static final String CLASSES_KEY = "temper.classes";
    /** Metadata key saying what the model's classifier output holds: {@code logits} or {@code probabilities}. */
    public static final String SCORES_KEY = "temper.scores";
    /** Metadata key of the input preprocessing: {@code standardize} or {@code none}. */
    public static final String PREPROCESSING_KEY = "temper.input_preprocessing";

    private final Network network;
    private final List<TensorData> parameters;
    private final List<String> classNames;
    private final Map<String, String> metadata;
    private final Standardization standardization;

    /**
     * @param network the architecture
     * @param parameters trained values in the order of {@link Network#parameters()}
     * @param classNames class names in label order
     * @param metadata training settings to record in the model
     */
    public TrainedNetwork(Network network, List<TensorData> parameters, List<String> classNames,
                          Map<String, String> metadata) {
        this(network, parameters, classNames, metadata, null);
    }

    private TrainedNetwork(Network network, List<TensorData> parameters, List<String> classNames,
                           Map<String, String> metadata, Standardization standardization) {
        if (parameters.size() != network.parameters().size()) {
            throw new IllegalArgumentException("Expected " + network.parameters().size() + " parameters, got "
                    + parameters.size());
        }
        if (classNames.size() != network.numClasses()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a network of "
                    + network.numClasses() + " outputs");
        }
        this.network = network;
        this.parameters = List.copyOf(parameters);
        this.classNames = List.copyOf(classNames);
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.put("temper.network", network.describe());
        m.put(CLASSES_KEY, String.join("\n", classNames));
        m.put(SCORES_KEY, "logits");
        m.put(PREPROCESSING_KEY, standardization == null ? "none" : "standardize");
        this.metadata = Collections.unmodifiableMap(m);
        this.standardization = standardization;
    }

    /**
     * @param fitted the standardisation the parameters were trained behind
     * @return the same network, its inference graph standardising raw input first
     */
    public TrainedNetwork withStandardization(Standardization fitted) {
        return new TrainedNetwork(network, parameters, classNames, metadata, fitted);
    }

    /** @return the input standardisation of the inference graph, or null for none. */
    public Standardization standardization() {
        return standardization;
    }

    /** @return the architecture. */
    public Network network() {
        return network;
    }

    /** @return the trained parameter values in the network's order. */
    public List<TensorData> parameters() {
        return parameters;
    }

    /**
     * @param name a parameter's name in {@link Network#parameters()} (the initializer's name in the model)
     * @return its trained value, e.g. the final layer's weights, whose rows are the class templates
     * @throws IllegalArgumentException when the network has no parameter of that name, naming those it has
     */
    public TensorData parameter(String name) {
        List<Parameter> declared = network.parameters();
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).name().equals(name)) {
                return parameters.get(i);
            }
        }
        throw new IllegalArgumentException("The network has no parameter '" + name + "'; it has "
                + declared.stream().map(Parameter::name).toList());
    }

    /** @return the class names in label order. */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the metadata recorded in the model. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return how to call the inference model. */
    public ModelSignature signature() {
        try {
            return ModelFiles.signature(toOnnx().getGraph(), "the trained network");
        } catch (IOException e) {
            throw new IllegalStateException("Temper built an inference graph without a classifier signature", e);
        }
    }

    /** @return the inference graph with the trained weights as initializers. */
    public Graph inferenceGraph() {
        return InferenceGraphs.withInitializers(network, parameters, standardization);
    }

    /** @return the inference model as ONNX protobuf. */
    public ModelProto toOnnx() {
        return OnnxProto.toModel(inferenceGraph(), "temper", metadata);
    }

    /**
     * @param settings device and threads
     * @return a session over the inference model, opened at its first call; the caller closes it
     */
    public ModelSession session(ExecutionSettings settings) {
        return new ModelSession(toOnnx().toByteArray(), signature(), settings);
    }

    /**
     * Writes the inference model; an existing file is never overwritten.
     * @param path the .onnx file to create
     * @throws IOException when the file exists or cannot be written
     */
    public void save(Path path) throws IOException {
        ModelFiles.write(toOnnx(), path);
    }
}
