package org.temper.onnx.fit;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnx.proto.OnnxMl.AttributeProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.temper.onnx.program.ModelSignature;
import org.temper.onnx.program.ProgramNames;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes ONNX model files safely: writing never replaces an existing file, and reading
 * rejects files that are not ONNX, models without a usable classifier signature and external
 * data that points outside the model's folder.
 */
public final class ModelFiles {

    /** Models larger than this are refused before parsing (protobuf's own limit is 2 GiB). */
    private static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 8;

    private ModelFiles() {
    }

    /**
     * @param model the model
     * @param path the file to create; its folder is created when missing
     * @throws IOException when the file already exists or cannot be written
     */
    public static void write(ModelProto model, Path path) throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "refusing to overwrite an existing model; choose another path or delete it first");
        }
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".temper-", ".onnx.part");
        try {
            Files.write(tmp, model.toByteArray());
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a classifier model: Temper's own, or one exported elsewhere with one float input
     * [N, ...] and a logits output [N, K] (named "logits", else the first output).
     * @param path the .onnx file
     * @return the model with its signature and metadata, external data inlined
     * @throws IOException naming the file and what is wrong with it
     */
    public static SavedModel read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("No model file at " + path);
        }
        if (Files.size(path) > MAX_MODEL_BYTES) {
            throw new IOException(path + " is larger than 2 GiB; store its weights as external data");
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(Files.readAllBytes(path));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(path + " is not an ONNX model (it does not parse as an ONNX protobuf: "
                    + e.getMessage() + ")", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new IOException(path + " is not an ONNX model: it has no graph (an empty or non-ONNX file?)");
        }
        model = inlineExternalData(model, path.toAbsolutePath().getParent());
        Map<String, String> meta = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            meta.put(e.getKey(), e.getValue());
        }
        ModelSignature signature = signature(model.getGraph(), path);
        List<String> classes = meta.containsKey(TrainedNetwork.CLASSES_KEY)
                ? List.of(meta.get(TrainedNetwork.CLASSES_KEY).split("\n", -1))
                : org.temper.onnx.data.DenseDataset.defaultNames(signature.numClasses());
        if (classes.size() != signature.numClasses()) {
            throw new IOException(path + " names " + classes.size() + " classes but its logits have "
                    + signature.numClasses());
        }
        return new SavedModel(model, signature, classes, meta);
    }

    private static ModelSignature signature(GraphProto g, Path path) throws IOException {
        Set<String> inits = new HashSet<>();
        g.getInitializerList().forEach(t -> inits.add(t.getName()));
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto vi : g.getInputList()) {
            if (!inits.contains(vi.getName())) {
                inputs.add(vi);
            }
        }
        if (inputs.size() != 1) {
            throw new IOException(path + " has " + inputs.size() + " inputs; a classifier model needs exactly one");
        }
        ValueInfoProto logits = g.getOutputList().stream().filter(o -> o.getName().equals(ProgramNames.LOGITS))
                .findFirst().orElse(g.getOutputCount() > 0 ? g.getOutput(0) : null);
        if (logits == null) {
            throw new IOException(path + " has no outputs");
        }
        long[] in = fixedDims(inputs.get(0), path);
        long[] out = fixedDims(logits, path);
        if (in.length < 2 || out.length != 2) {
            throw new IOException(path + ": expected an input [N, ...] and logits [N, K], found input of rank "
                    + in.length + " and output '" + logits.getName() + "' of rank " + out.length);
        }
        return new ModelSignature(inputs.get(0).getName(), logits.getName(),
                java.util.Arrays.copyOfRange(in, 1, in.length), (int) out[1]);
    }

    private static long[] fixedDims(ValueInfoProto vi, Path path) throws IOException {
        TensorShapeProto shape = vi.getType().getTensorType().getShape();
        long[] dims = new long[shape.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            dims[i] = d.hasDimValue() ? d.getDimValue() : -1;
            if (i > 0 && dims[i] <= 0) {
                throw new IOException(path + ": dimension " + i + " of '" + vi.getName()
                        + "' is not fixed; only the batch dimension may vary");
            }
        }
        return dims;
    }

    private static ModelProto inlineExternalData(ModelProto model, Path folder) throws IOException {
        ModelProto.Builder b = model.toBuilder();
        b.setGraph(inlineGraph(model.getGraph(), folder));
        return b.build();
    }

    private static GraphProto inlineGraph(GraphProto g, Path folder) throws IOException {
        GraphProto.Builder gb = g.toBuilder();
        for (int i = 0; i < gb.getInitializerCount(); i++) {
            gb.setInitializer(i, inlineTensor(gb.getInitializer(i), folder));
        }
        for (int i = 0; i < gb.getNodeCount(); i++) {
            NodeProto.Builder nb = gb.getNode(i).toBuilder();
            for (int a = 0; a < nb.getAttributeCount(); a++) {
                AttributeProto attr = nb.getAttribute(a);
                if (attr.hasT()) {
                    nb.setAttribute(a, attr.toBuilder().setT(inlineTensor(attr.getT(), folder)));
                }
                if (attr.hasG()) {
                    nb.setAttribute(a, attr.toBuilder().setG(inlineGraph(attr.getG(), folder)));
                }
            }
            gb.setNode(i, nb);
        }
        return gb.build();
    }

    private static TensorProto inlineTensor(TensorProto t, Path folder) throws IOException {
        if (t.getDataLocation() != TensorProto.DataLocation.EXTERNAL) {
            return t;
        }
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = Long.parseLong(e.getValue());
                case "length" -> length = Long.parseLong(e.getValue());
                default -> { }
            }
        }
        if (location == null) {
            throw new IOException("Tensor '" + t.getName() + "' is external but names no location");
        }
        Path base = folder.toRealPath();
        Path file = base.resolve(location).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(base)) {
            throw new IOException("Tensor '" + t.getName() + "' points to external data '" + location
                    + "' outside the model's folder " + base + " (or missing): refusing to read it");
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long n = length >= 0 ? length : f.length() - offset;
            if (offset < 0 || n < 0 || offset + n > f.length() || n > MAX_MODEL_BYTES) {
                throw new IOException("Tensor '" + t.getName() + "' reads bytes " + offset + ".." + (offset + n)
                        + " of " + file + ", which has " + f.length());
            }
            byte[] data = new byte[(int) n];
            f.seek(offset);
            f.readFully(data);
            return t.toBuilder().clearExternalData().setDataLocation(TensorProto.DataLocation.DEFAULT)
                    .setRawData(ByteString.copyFrom(data)).build();
        }
    }
}
