package org.temper.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts Temper graphs to ONNX protobuf models and back. */
public final class OnnxProto {

    /** The IR version written; ONNX Runtime 1.29 reads it, as do older runtimes down to 1.10. */
    public static final long IR_VERSION = 8;

    private OnnxProto() {
    }

    /**
     * @param graph the graph
     * @param producer producer name written in the model
     * @param metadata metadata properties, written in order
     * @return the model
     */
    public static ModelProto toModel(Graph graph, String producer, Map<String, String> metadata) {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(GraphBuilder.OPSET))
                .setGraph(toGraphProto(graph));
        metadata.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    /**
     * @param graph the graph
     * @return its protobuf form, with value infos for every typed intermediate value
     */
    public static GraphProto toGraphProto(Graph graph) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(graph.name());
        for (Value v : graph.inputs()) {
            g.addInput(valueInfo(v));
        }
        for (Value v : graph.outputs()) {
            g.addOutput(valueInfo(v));
        }
        graph.initializers().forEach((v, t) -> g.addInitializer(tensor(v.name(), t)));
        for (Node n : graph.nodes()) {
            NodeProto.Builder nb = NodeProto.newBuilder().setOpType(n.opType()).setName(n.name())
                    .setDomain(n.domain());
            for (Value in : n.inputs()) {
                nb.addInput(in == null ? "" : in.name());
            }
            for (Value out : n.outputs()) {
                nb.addOutput(out.name());
            }
            n.attributes().forEach((k, v) -> nb.addAttribute(attribute(k, v)));
            g.addNode(nb);
        }
        return g.build();
    }

    /**
     * @param name tensor name
     * @param t contents
     * @return the TensorProto with raw little-endian data
     */
    public static TensorProto tensor(String name, TensorData t) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(t.dtype().onnx().getNumber());
        for (long d : t.shape()) {
            b.addDims(d);
        }
        return b.setRawData(ByteString.copyFrom(t.bytes())).build();
    }

    /**
     * @param t a TensorProto with raw or typed data stored in the model itself
     * @return its contents
     * @throws IllegalArgumentException when the data is stored externally or is malformed
     */
    public static TensorData tensorData(TensorProto t) {
        DType dtype = DType.fromOnnx(t.getDataType());
        long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("Tensor '" + t.getName() + "' keeps its data in an external file;"
                    + " read the model with OnnxFile.read so that external data is resolved and checked");
        }
        if (!t.getRawData().isEmpty()) {
            return TensorData.ofRaw(dtype, shape, t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
        }
        return switch (dtype) {
            case FLOAT -> {
                float[] f = new float[t.getFloatDataCount()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = t.getFloatData(i);
                }
                yield TensorData.ofFloats(f, shape);
            }
            case DOUBLE -> TensorData.ofDoubles(t.getDoubleDataList().stream().mapToDouble(Double::doubleValue)
                    .toArray(), shape);
            case INT64 -> TensorData.ofLongs(t.getInt64DataList().stream().mapToLong(Long::longValue).toArray(),
                    shape);
            case INT32, BOOL -> {
                ByteBuffer b = ByteBuffer.allocate(t.getInt32DataCount() * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : t.getInt32DataList()) {
                    if (dtype == DType.BOOL) {
                        b.put((byte) v);
                    } else {
                        b.putInt(v);
                    }
                }
                b.flip();
                yield TensorData.ofRaw(dtype, shape, b);
            }
        };
    }

    private static ValueInfoProto valueInfo(Value v) {
        TypeProto.Tensor.Builder tt = TypeProto.Tensor.newBuilder().setElemType(v.dtype().onnx().getNumber());
        if (v.shape().isKnown()) {
            TensorShapeProto.Builder sb = TensorShapeProto.newBuilder();
            for (Dim d : v.shape().dims()) {
                TensorShapeProto.Dimension.Builder db = TensorShapeProto.Dimension.newBuilder();
                if (d.isFixed()) {
                    db.setDimValue(d.size());
                } else if (d.symbol() != null) {
                    db.setDimParam(d.symbol());
                }
                sb.addDim(db);
            }
            tt.setShape(sb);
        }
        return ValueInfoProto.newBuilder().setName(v.name()).setType(TypeProto.newBuilder().setTensorType(tt)).build();
    }

    private static AttributeProto attribute(String name, Object v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (v instanceof Long l) {
            a.setType(AttributeProto.AttributeType.INT).setI(l);
        } else if (v instanceof Double d) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
        } else if (v instanceof long[] ls) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long l : ls) {
                a.addInts(l);
            }
        } else if (v instanceof double[] ds) {
            a.setType(AttributeProto.AttributeType.FLOATS);
            for (double d : ds) {
                a.addFloats((float) d);
            }
        } else if (v instanceof String s) {
            a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
        } else if (v instanceof String[] ss) {
            a.setType(AttributeProto.AttributeType.STRINGS);
            for (String s : ss) {
                a.addStrings(ByteString.copyFromUtf8(s));
            }
        } else if (v instanceof TensorData t) {
            a.setType(AttributeProto.AttributeType.TENSOR).setT(tensor("", t));
        } else if (v instanceof Graph g) {
            a.setType(AttributeProto.AttributeType.GRAPH).setG(toGraphProto(g));
        } else {
            throw new IllegalArgumentException("Attribute " + name + " has unsupported value type " + v.getClass());
        }
        return a.build();
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a graph, typing each value from the graph's inputs, outputs, initializers and value
     * infos; values without a declared type get FLOAT and an unknown shape.
     * @param g the protobuf graph
     * @return the graph
     */
    public static Graph fromGraphProto(GraphProto g) {
        return fromGraphProto(g, new HashMap<>());
    }

    private static Graph fromGraphProto(GraphProto g, Map<String, Value> scope) {
        Map<String, Value> values = new HashMap<>(scope);
        for (ValueInfoProto vi : g.getValueInfoList()) {
            values.put(vi.getName(), fromValueInfo(vi));
        }
        List<Value> inputs = new ArrayList<>();
        for (ValueInfoProto vi : g.getInputList()) {
            Value v = fromValueInfo(vi);
            values.put(v.name(), v);
            inputs.add(v);
        }
        Map<Value, TensorData> inits = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            TensorData data = tensorData(t);
            Value v = new Value(t.getName(), data.dtype(), Shape.of(data.shape()));
            values.put(v.name(), v);
            inits.put(v, data);
        }
        inputs.removeIf(inits::containsKey);
        for (ValueInfoProto vi : g.getOutputList()) {
            values.putIfAbsent(vi.getName(), fromValueInfo(vi));
        }
        List<Node> nodes = new ArrayList<>();
        for (NodeProto n : g.getNodeList()) {
            List<Value> ins = new ArrayList<>();
            for (String name : n.getInputList()) {
                ins.add(name.isEmpty() ? null : values.computeIfAbsent(name,
                        k -> new Value(k, DType.FLOAT, Shape.unknown())));
            }
            List<Value> outs = new ArrayList<>();
            for (String name : n.getOutputList()) {
                outs.add(values.computeIfAbsent(name, k -> new Value(k, DType.FLOAT, Shape.unknown())));
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (AttributeProto a : n.getAttributeList()) {
                attrs.put(a.getName(), attributeValue(a, values));
            }
            String name = n.getName().isEmpty() ? n.getOpType() + "_" + nodes.size() : n.getName();
            nodes.add(new Node(n.getOpType(), n.getDomain(), name, ins, outs, attrs));
        }
        List<Value> outputs = new ArrayList<>();
        for (ValueInfoProto vi : g.getOutputList()) {
            outputs.add(values.get(vi.getName()));
        }
        return new Graph(g.getName(), inputs, outputs, inits, nodes);
    }

    private static Object attributeValue(AttributeProto a, Map<String, Value> scope) {
        return switch (a.getType()) {
            case INT -> a.getI();
            case FLOAT -> (double) a.getF();
            case INTS -> a.getIntsList().stream().mapToLong(Long::longValue).toArray();
            case FLOATS -> a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray();
            case STRING -> a.getS().toStringUtf8();
            case STRINGS -> a.getStringsList().stream().map(ByteString::toStringUtf8).toArray(String[]::new);
            case TENSOR -> tensorData(a.getT());
            case GRAPH -> fromGraphProto(a.getG(), scope);
            default -> throw new IllegalArgumentException("Attribute '" + a.getName() + "' has type " + a.getType()
                    + ", which Temper does not read");
        };
    }

    private static Value fromValueInfo(ValueInfoProto vi) {
        TypeProto.Tensor tt = vi.getType().getTensorType();
        DType dtype = tt.getElemType() == 0 ? DType.FLOAT : DType.fromOnnx(tt.getElemType());
        Shape shape = Shape.unknown();
        if (tt.hasShape()) {
            List<Dim> dims = new ArrayList<>();
            for (TensorShapeProto.Dimension d : tt.getShape().getDimList()) {
                dims.add(d.hasDimValue() ? Dim.of(d.getDimValue())
                        : d.hasDimParam() && !d.getDimParam().isEmpty() ? Dim.symbol(d.getDimParam()) : Dim.UNKNOWN);
            }
            shape = Shape.of(dims);
        }
        return new Value(vi.getName(), dtype, shape);
    }
}
