package org.temper.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an ONNX model file safely: files that are not ONNX are rejected with a clear message, and
 * external data is inlined only from files inside the model's own folder.
 */
public final class OnnxFile {

    /** Models larger than this are refused before parsing (protobuf's own limit is 2 GiB). */
    private static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 8;

    private OnnxFile() {
    }

    /**
     * @param path the .onnx file
     * @return the model with every external tensor inlined
     * @throws IOException naming the file and what is wrong with it
     */
    public static ModelProto read(Path path) throws IOException {
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
        return model.toBuilder().setGraph(inlineGraph(model.getGraph(), path.toAbsolutePath().getParent())).build();
    }

    private static GraphProto inlineGraph(GraphProto g, Path folder) throws IOException {
        GraphProto.Builder gb = g.toBuilder();
        for (int i = 0; i < gb.getInitializerCount(); i++) {
            gb.setInitializer(i, inlineTensor(gb.getInitializer(i), folder));
        }
        for (int i = 0; i < gb.getSparseInitializerCount(); i++) {
            gb.setSparseInitializer(i, inlineSparse(gb.getSparseInitializer(i), folder));
        }
        for (int i = 0; i < gb.getNodeCount(); i++) {
            NodeProto.Builder nb = gb.getNode(i).toBuilder();
            for (int a = 0; a < nb.getAttributeCount(); a++) {
                nb.setAttribute(a, inlineAttribute(nb.getAttribute(a), folder));
            }
            gb.setNode(i, nb);
        }
        return gb.build();
    }

    /** Every place an attribute can hold tensors or graphs: t, sparse_tensor, g and their lists. */
    private static AttributeProto inlineAttribute(AttributeProto attr, Path folder) throws IOException {
        AttributeProto.Builder ab = attr.toBuilder();
        if (attr.hasT()) {
            ab.setT(inlineTensor(attr.getT(), folder));
        }
        if (attr.hasSparseTensor()) {
            ab.setSparseTensor(inlineSparse(attr.getSparseTensor(), folder));
        }
        if (attr.hasG()) {
            ab.setG(inlineGraph(attr.getG(), folder));
        }
        for (int k = 0; k < ab.getTensorsCount(); k++) {
            ab.setTensors(k, inlineTensor(ab.getTensors(k), folder));
        }
        for (int k = 0; k < ab.getSparseTensorsCount(); k++) {
            ab.setSparseTensors(k, inlineSparse(ab.getSparseTensors(k), folder));
        }
        for (int k = 0; k < ab.getGraphsCount(); k++) {
            ab.setGraphs(k, inlineGraph(ab.getGraphs(k), folder));
        }
        return ab.build();
    }

    private static SparseTensorProto inlineSparse(SparseTensorProto s, Path folder) throws IOException {
        return s.toBuilder().setValues(inlineTensor(s.getValues(), folder))
                .setIndices(inlineTensor(s.getIndices(), folder)).build();
    }

    private static long externalNumber(TensorProto t, StringStringEntryProto e) throws IOException {
        try {
            return Long.parseLong(e.getValue());
        } catch (NumberFormatException ex) {
            throw new IOException("Tensor '" + t.getName() + "' gives its external data the " + e.getKey() + " '"
                    + e.getValue() + "', which is not a whole number of bytes", ex);
        }
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
                case "offset" -> offset = externalNumber(t, e);
                case "length" -> length = externalNumber(t, e);
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
