package org.temper.onnx.imports;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Re-emits the nodes of an imported graph into a {@link GraphBuilder} through its typed methods,
 * so that every value gets fresh names, a type and an inferred shape. Imported values are mapped
 * to the values they became; parameters and the input are bound by the caller, constants are
 * emitted when first read. Dropout is the identity at inference and, in training, a Dropout with
 * training_mode set that also outputs its mask (which its gradient rule needs).
 */
final class Replay {

    private static final Map<String, BiFunction<GraphBuilder, Value, Value>> UNARY = Map.of(
            "Relu", GraphBuilder::relu, "Sigmoid", GraphBuilder::sigmoid, "Tanh", GraphBuilder::tanh,
            "Exp", GraphBuilder::exp, "Log", GraphBuilder::log, "Neg", GraphBuilder::neg, "Sqrt", GraphBuilder::sqrt);

    /** Typed builder methods of the broadcasting binary operators. */
    private interface Binary {
        Value apply(GraphBuilder b, Value x, Value y);
    }

    private static final Map<String, Binary> BINARY = Map.of(
            "Add", GraphBuilder::add, "Sub", GraphBuilder::sub, "Mul", GraphBuilder::mul, "Div", GraphBuilder::div);

    private static final Set<String> OTHERS = Set.of("Gemm", "MatMul", "LeakyRelu", "Softmax", "LogSoftmax",
            "Flatten", "Reshape", "Transpose", "Concat", "Identity", "Dropout", "Constant", "Shape", "Gather",
            "Unsqueeze");

    /** The operators the importer replays, sorted. */
    static final Set<String> OPERATORS = operators();

    /** Seed of the first imported Dropout node that has no seed attribute; the next ones count up. */
    private static final long DROPOUT_SEED = 2000;

    private final GraphBuilder b;
    private final boolean training;
    private final Map<Value, TensorData> constants;
    private final Map<Value, Value> replayed = new HashMap<>();
    private final ShapeTensors shapes = new ShapeTensors();

    /**
     * @param b the builder receiving the nodes
     * @param training whether Dropout is active
     * @param constants the imported graph's constant values (non-trainable initializers, Constant outputs)
     */
    Replay(GraphBuilder b, boolean training, Map<Value, TensorData> constants) {
        this.b = b;
        this.training = training;
        this.constants = constants;
    }

    private static Set<String> operators() {
        Set<String> ops = new TreeSet<>(OTHERS);
        ops.addAll(UNARY.keySet());
        ops.addAll(BINARY.keySet());
        return Collections.unmodifiableSet(ops);
    }

    /**
     * @param imported a value of the imported graph
     * @param value what it is in the builder
     */
    void bind(Value imported, Value value) {
        replayed.put(imported, value);
    }

    /**
     * @param imported a value of the imported graph
     * @return what it became in the builder
     * @throws ImportException when no node before produced it
     */
    Value get(Value imported) {
        Value v = replayed.get(imported);
        if (v == null) {
            TensorData c = constants.get(imported);
            if (c == null) {
                throw new ImportException("'" + imported.name() + "' is read before any node produces it"
                        + " (the nodes are not in topological order, or an input is missing)");
            }
            v = b.constant(c);
            if (c.dtype() == DType.INT64) {
                shapes.constant(v, c);
            }
            replayed.put(imported, v);
        }
        return v;
    }

    /**
     * Replays one node.
     * @param n the imported node
     * @param index its position among the replayed nodes (seeds Dropout nodes without a seed)
     * @throws ImportException naming the node and its operator
     */
    void node(Node n, int index) {
        List<Value> outs;
        try {
            outs = emit(n, index);
        } catch (RuntimeException e) {
            throw new ImportException("Node '" + n.name() + "' (" + n.opType() + "): " + e.getMessage(), e);
        }
        for (int i = 0; i < outs.size() && i < n.outputs().size(); i++) {
            if (!n.output(i).name().isEmpty()) {
                bind(n.output(i), outs.get(i));
            }
        }
    }

    private List<Value> emit(Node n, int index) {
        String op = n.opType();
        if (UNARY.containsKey(op)) {
            return List.of(UNARY.get(op).apply(b, in(n, 0)));
        }
        if (BINARY.containsKey(op)) {
            return List.of(BINARY.get(op).apply(b, in(n, 0), in(n, 1)));
        }
        return switch (op) {
            case "Gemm" -> List.of(b.gemm(in(n, 0), in(n, 1), n.input(2) == null ? null : in(n, 2),
                    n.intAttr("transA", 0) == 1, n.intAttr("transB", 0) == 1, n.floatAttr("alpha", 1.0),
                    n.floatAttr("beta", 1.0)));
            case "MatMul" -> List.of(b.matMul(in(n, 0), in(n, 1)));
            case "LeakyRelu" -> List.of(b.leakyRelu(in(n, 0), n.floatAttr("alpha", 0.01)));
            case "Softmax" -> List.of(b.softmax(in(n, 0), n.intAttr("axis", -1)));
            case "LogSoftmax" -> List.of(b.logSoftmax(in(n, 0), n.intAttr("axis", -1)));
            case "Flatten" -> List.of(b.flatten(in(n, 0), axis(n.intAttr("axis", 1), in(n, 0))));
            case "Reshape" -> List.of(reshape(n));
            case "Transpose" -> List.of(transpose(n));
            case "Concat" -> List.of(concat(n));
            case "Identity" -> List.of(tracked(b.identity(in(n, 0)), in(n, 0)));
            case "Dropout" -> dropout(n, index);
            case "Constant" -> List.of(get(n.output(0)));
            case "Shape" -> List.of(shape(n));
            case "Gather" -> List.of(gather(n));
            case "Unsqueeze" -> List.of(tracked(b.unsqueeze(in(n, 0), shapes.literals(in(n, 1))), in(n, 0)));
            default -> throw new ImportException("Temper cannot import operator " + op + (n.domain().isEmpty() ? ""
                    : " of domain '" + n.domain() + "'") + "; the importer handles " + OPERATORS);
        };
    }

    private Value in(Node n, int i) {
        if (n.input(i) == null) {
            throw new ImportException("input " + i + " is missing");
        }
        return get(n.input(i));
    }

    private static long axis(long axis, Value x) {
        return axis < 0 && x.shape().isKnown() ? axis + x.shape().rank() : axis;
    }

    private Value tracked(Value out, Value in) {
        shapes.same(out, in);
        return out;
    }

    private Value reshape(Node n) {
        Value x = in(n, 0);
        Value target = in(n, 1);
        return b.reshape(x, target, shapes.reshaped(x.shape(), target, n.intAttr("allowzero", 0) == 1));
    }

    private Value transpose(Node n) {
        Value x = in(n, 0);
        long[] perm = n.intsAttr("perm");
        if (perm == null) {
            int rank = x.shape().rank();
            perm = new long[rank];
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
        }
        return b.transpose(x, perm);
    }

    private Value concat(Node n) {
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            parts.add(in(n, i));
        }
        Value out = b.concat(n.intAttr("axis", 0), parts.toArray(Value[]::new));
        shapes.concat(out, parts);
        return out;
    }

    private Value shape(Node n) {
        if (n.attributes().containsKey("start") || n.attributes().containsKey("end")) {
            throw new ImportException("the start and end attributes of Shape are not supported");
        }
        Value x = in(n, 0);
        Value out = b.shapeOf(x);
        shapes.shape(out, x.shape());
        return out;
    }

    private Value gather(Node n) {
        Value x = in(n, 0);
        Value indices = in(n, 1);
        long axis = axis(n.intAttr("axis", 0), x);
        Value out = b.gather(x, indices, axis);
        if (axis == 0) {
            shapes.gather(out, x, indices);
        }
        return out;
    }

    /** Identity at inference; in training, dropout with its mask at the node's constant ratio. */
    private List<Value> dropout(Node n, int index) {
        Value x = in(n, 0);
        if (!training) {
            return List.of(x);
        }
        double ratio = 0.5;
        if (n.input(1) != null) {
            TensorData r = constants.get(n.input(1));
            if (r == null || r.elementCount() != 1 || !r.dtype().isFloatingPoint()) {
                throw new ImportException("the ratio '" + n.input(1).name() + "' must be a constant scalar");
            }
            ratio = r.toDoubles()[0];
        }
        return b.dropout(x, ratio, n.intAttr("seed", DROPOUT_SEED + index));
    }

    /**
     * @param n a Constant node
     * @return its value
     * @throws ImportException when it is given in a form Temper does not read (sparse, strings)
     */
    static TensorData constantValue(Node n) {
        Map<String, Object> a = n.attributes();
        if (a.get("value") instanceof TensorData t) {
            return t;
        }
        if (a.get("value_float") instanceof Double d) {
            return TensorData.ofReals(DType.FLOAT, new double[] {d});
        }
        if (a.get("value_floats") instanceof double[] ds) {
            return TensorData.ofReals(DType.FLOAT, ds, ds.length);
        }
        if (a.get("value_int") instanceof Long l) {
            return TensorData.ofLongs(new long[] {l});
        }
        if (a.get("value_ints") instanceof long[] ls) {
            return TensorData.ofLongs(ls, ls.length);
        }
        throw new ImportException("Constant node '" + n.name() + "' holds its value as " + a.keySet()
                + "; Temper reads value, value_float(s) and value_int(s)");
    }
}
