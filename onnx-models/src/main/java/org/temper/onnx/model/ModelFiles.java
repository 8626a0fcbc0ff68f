package org.temper.onnx.model;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.graph.OnnxFile;
import org.temper.onnx.program.ProgramNames;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes ONNX model files safely: writing never replaces an existing file ({@link NewFile}), and reading
 * rejects files that are not ONNX, models without a usable classifier signature and external
 * data that points outside the model's folder.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * @param model the model
     * @param path the file to create; its folder is created when missing
     * @throws IOException when the file already exists or cannot be written
     */
    public static void write(ModelProto model, Path path) throws IOException {
        NewFile.write(path, tmp -> Files.write(tmp, model.toByteArray()));
    }

    /**
     * Reads a classifier model: Temper's own, or one exported elsewhere with one float input
     * [N, ...] and a logits output [N, K] (named "logits", else the first output).
     * @param path the .onnx file
     * @return the model with its signature and metadata, external data inlined
     * @throws IOException naming the file and what is wrong with it
     */
    public static SavedModel read(Path path) throws IOException {
        return of(OnnxFile.read(path), path.toString());
    }

    /**
     * Reads a classifier model held in memory (e.g. inside a Tribuo or Weka model), with the checks of
     * {@link #read} that do not concern files.
     * @param bytes the serialized ONNX model
     * @param where how to name it in messages
     * @return the model with its signature and metadata
     * @throws IOException when the bytes are not an ONNX classifier model
     */
    public static SavedModel parse(byte[] bytes, String where) throws IOException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(where + " is not an ONNX model: " + e.getMessage(), e);
        }
        return of(model, where);
    }

    private static SavedModel of(ModelProto model, String path) throws IOException {
        checkDomains(model.getGraph(), path);
        checkWeights(model.getGraph(), path);
        Map<String, String> meta = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            meta.put(e.getKey(), e.getValue());
        }
        ModelSignature signature = signature(model.getGraph(), path);
        List<String> classes = meta.containsKey(TrainedNetwork.CLASSES_KEY)
                ? List.of(meta.get(TrainedNetwork.CLASSES_KEY).split("\n", -1))
                : DenseDataset.defaultNames(signature.numClasses());
        if (classes.size() != signature.numClasses()) {
            throw new IOException(path + " names " + classes.size() + " classes but its logits have "
                    + signature.numClasses());
        }
        return new SavedModel(model, path, signature, classes, meta);
    }

    /** Operator domains ONNX Runtime implements. */
    private static final Set<String> KNOWN_DOMAINS = Set.of("", "ai.onnx", "ai.onnx.ml", "com.microsoft");

    private static void checkDomains(GraphProto g, String where) throws IOException {
        for (NodeProto node : g.getNodeList()) {
            if (!KNOWN_DOMAINS.contains(node.getDomain())) {
                throw new IOException(where + ": node '" + node.getName() + "' is the operator " + node.getOpType()
                        + " of the custom domain '" + node.getDomain() + "', which ONNX Runtime does not implement;"
                        + " export the model with standard ONNX operators");
            }
        }
    }

    /** Refuses float weights that are NaN or infinite: a broken model gives no figure worth reading. */
    private static void checkWeights(GraphProto g, String where) throws IOException {
        for (TensorProto t : g.getInitializerList()) {
            if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                continue;
            }
            FloatBuffer values = t.getRawData().isEmpty() ? null
                    : t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            int n = values == null ? t.getFloatDataCount() : values.remaining();
            for (int i = 0; i < n; i++) {
                float v = values == null ? t.getFloatData(i) : values.get(i);
                if (!Float.isFinite(v)) {
                    throw new IOException(where + ": the weight tensor '" + t.getName() + "' holds " + v
                            + " at element " + i + ": the model is broken (training diverged?); retrain it or use"
                            + " another file");
                }
            }
        }
    }

    /**
     * @param g a classifier graph
     * @param where how to name it in messages (its file)
     * @return its signature: the one non-initializer input, the output named logits (else the first)
     *         and the outputs named probabilities and penultimate where present
     * @throws IOException when the graph has no usable classifier signature
     */
    static ModelSignature signature(GraphProto g, String where) throws IOException {
        Set<String> inits = new HashSet<>();
        g.getInitializerList().forEach(t -> inits.add(t.getName()));
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto vi : g.getInputList()) {
            if (!inits.contains(vi.getName())) {
                inputs.add(vi);
            }
        }
        if (inputs.size() != 1) {
            throw new IOException(where + " has " + inputs.size() + " inputs; a classifier model needs exactly one");
        }
        ValueInfoProto logits = g.getOutputList().stream().filter(o -> o.getName().equals(ProgramNames.LOGITS))
                .findFirst().orElse(g.getOutputCount() > 0 ? g.getOutput(0) : null);
        if (logits == null) {
            throw new IOException(where + " has no outputs");
        }
        long[] in = fixedDims(inputs.get(0), where);
        long[] out = fixedDims(logits, where);
        if (in.length < 2 || out.length != 2) {
            throw new IOException(where + ": expected an input [N, ...] and logits [N, K], found input of rank "
                    + in.length + " and output '" + logits.getName() + "' of rank " + out.length);
        }
        Set<String> outputs = new HashSet<>();
        g.getOutputList().forEach(o -> outputs.add(o.getName()));
        boolean logitsNamed = logits.getName().equals(ProgramNames.LOGITS);
        return new ModelSignature(inputs.get(0).getName(), logits.getName(),
                logitsNamed && outputs.contains(ProgramNames.PROBABILITIES) ? ProgramNames.PROBABILITIES : null,
                logitsNamed && outputs.contains(ProgramNames.PENULTIMATE) ? ProgramNames.PENULTIMATE : null,
                Arrays.copyOfRange(in, 1, in.length), (int) out[1]);
    }

    private static long[] fixedDims(ValueInfoProto vi, String where) throws IOException {
        TensorShapeProto shape = vi.getType().getTensorType().getShape();
        long[] dims = new long[shape.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            dims[i] = d.hasDimValue() ? d.getDimValue() : -1;
            if (i > 0 && dims[i] <= 0) {
                throw new IOException(where + ": dimension " + i + " of '" + vi.getName()
                        + "' is not fixed; only the batch dimension may vary");
            }
        }
        return dims;
    }
}
