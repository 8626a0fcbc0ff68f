package org.temper.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
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
