package org.temper.onnx.fit;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.program.InferenceGraphs;
import org.temper.onnx.program.ModelSignature;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network with trained parameters. It becomes an ordinary ONNX inference model (weights as
 * initializers; outputs logits, probabilities and penultimate activations; training settings as
 * metadata) that any ONNX consumer can load.
 */
public final class TrainedNetwork {

    /** Metadata key of the class names, one per line, in label order. */
    public static final String CLASSES_KEY = "temper.classes";

    private final Network network;
    private final List<TensorData> parameters;
    private final List<String> classNames;
    private final Map<String, String> metadata;

    /**
     * @param network the architecture
     * @param parameters trained values in the order of {@link Network#parameters()}
     * @param classNames class names in label order
     * @param metadata training settings to record in the model
     */
    public TrainedNetwork(Network network, List<TensorData> parameters, List<String> classNames,
                          Map<String, String> metadata) {
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
        this.metadata = java.util.Collections.unmodifiableMap(m);
    }

    /** @return the architecture. */
    public Network network() {
        return network;
    }

    /** @return the trained parameter values in the network's order. */
    public List<TensorData> parameters() {
        return parameters;
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
        return ModelSignature.temper(network.exampleShape(), network.numClasses());
    }

    /** @return the inference graph with the trained weights as initializers. */
    public Graph inferenceGraph() {
        return InferenceGraphs.withInitializers(network, parameters);
    }

    /** @return the inference model as ONNX protobuf. */
    public ModelProto toOnnx() {
        return OnnxProto.toModel(inferenceGraph(), "temper", metadata);
    }

    /**
     * @param settings device and threads
     * @return a predictor over the inference model; the caller closes it
     * @throws OrtException when ONNX Runtime rejects the model
     */
    public Predictor predictor(ExecutionSettings settings) throws OrtException {
        return new Predictor(toOnnx().toByteArray(), signature(), settings);
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
