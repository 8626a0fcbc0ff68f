package org.temper.onnx.imports;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.OnnxFile;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.zoo.Parameter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports a classifier's forward graph exported elsewhere as a trainable {@link ImportedNetwork},
 * checking at import time everything that would otherwise fail later: the opset, the input (one
 * float input whose dimensions are fixed but for the batch), the logits ([batch, classes]), and
 * that every operator between a trainable parameter and the logits has a gradient rule. Settings
 * return a new importer:
 * <pre>{@code
 * ImportedNetwork net = new NetworkImporter(GradientRegistry.standard().operators())
 *         .logits("logits").penultimate("features").read(Path.of("model.onnx"));
 * }</pre>
 */
public final class NetworkImporter {

    /** The oldest opset of the default ONNX domain imported. */
    public static final int MIN_OPSET = 13;
    /** The newest opset of the default ONNX domain imported: the one Temper emits. */
    public static final int MAX_OPSET = GraphBuilder.OPSET;

    private final Set<String> differentiable;
    private final String inputName;
    private final String logitsName;
    private final String penultimateName;

    /**
     * @param differentiableOperators the operator types that have gradient rules, normally
     *                                {@code GradientRegistry.standard().operators()}
     */
    public NetworkImporter(Set<String> differentiableOperators) {
        this(Set.copyOf(differentiableOperators), null, null, null);
    }

    private NetworkImporter(Set<String> differentiable, String input, String logits, String penultimate) {
        this.differentiable = differentiable;
        this.inputName = input;
        this.logitsName = logits;
        this.penultimateName = penultimate;
    }

    /**
     * @param name the graph input to feed examples to (default: the only input that is not an initializer)
     * @return an importer using it
     */
    public NetworkImporter input(String name) {
        return new NetworkImporter(differentiable, name, logitsName, penultimateName);
    }

    /**
     * @param name the value holding the logits (default: the only graph output)
     * @return an importer using it
     */
    public NetworkImporter logits(String name) {
        return new NetworkImporter(differentiable, inputName, name, penultimateName);
    }

    /**
     * @param name the value holding the penultimate activations [batch, features] for projection plots
     * @return an importer using it
     */
    public NetworkImporter penultimate(String name) {
        return new NetworkImporter(differentiable, inputName, logitsName, name);
    }

    /**
     * @param path an .onnx file; external data is read only from the file's folder
     * @return the network
     * @throws IOException when the file is missing or not an ONNX model
     * @throws ImportException when the model cannot be trained by Temper, saying why
     */
    public ImportedNetwork read(Path path) throws IOException {
        ModelProto model = OnnxFile.read(path);
        try {
            return importModel(model);
        } catch (ImportException e) {
            throw new ImportException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param model an ONNX model with its data inlined
     * @return the network
     * @throws ImportException when the model cannot be trained by Temper, saying why
     */
    public ImportedNetwork importModel(ModelProto model) {
        int opset = opset(model);
        Graph g;
        try {
            g = OnnxProto.fromGraphProto(model.getGraph());
        } catch (IllegalArgumentException e) {
            throw new ImportException("The graph cannot be read: " + e.getMessage(), e);
        }
        Value input = input(g);
        long[] exampleShape = exampleShape(input);
        Value logits = logits(g);
        Value penultimate = penultimateName == null ? null : named(g, penultimateName, "penultimate");
        List<Node> nodes = slice(g.nodes(), penultimate == null ? List.of(logits) : List.of(logits, penultimate));
        for (Node n : nodes) {
            for (Value in : n.inputs()) {
                if (in != null && !in.equals(input) && g.inputs().contains(in)) {
                    throw new ImportException("Node '" + n.name() + "' (" + n.opType() + ") reads the graph input '"
                            + in.name() + "' besides the examples' input '" + input.name()
                            + "'; Temper feeds only the examples, so every other input must be an initializer");
                }
            }
            if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) {
                throw new ImportException("Node '" + n.name() + "' (" + n.opType() + ") is of domain '" + n.domain()
                        + "'; Temper imports operators of the default ONNX domain only");
            }
        }
        TrainablePath path = new TrainablePath(nodes, g.initializers(), logits);
        path.requireGradientRules(differentiable, logits);
        if (path.parameters().isEmpty()) {
            throw new ImportException("No floating-point initializer has a differentiable path to the logits '"
                    + logits.name() + "': the network has nothing to train");
        }
        Map<String, Value> parameterValues = new LinkedHashMap<>();
        List<Parameter> parameters = new ArrayList<>();
        for (Value v : path.parameters()) {
            parameterValues.put(v.name(), v);
            parameters.add(new Parameter(v.name(), g.initializers().get(v), 1.0));
        }
        ImportedGraph imported = new ImportedGraph(input, logits, penultimate, parameterValues,
                constants(g, nodes, path.parameters()), nodes);
        int numClasses = checkReplay(imported, exampleShape, parameters, path.nodes());
        String description = "imported " + (model.getProducerName().isEmpty() ? "" : model.getProducerName() + " ")
                + "graph '" + g.name() + "' (opset " + opset + "): " + Shape.of(exampleShape) + " -> " + numClasses
                + " classes, " + parameters.size() + " parameter tensors";
        return new ImportedNetwork(imported, exampleShape, numClasses, parameters, description);
    }

    private static int opset(ModelProto model) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                long v = o.getVersion();
                if (v < MIN_OPSET || v > MAX_OPSET) {
                    throw new ImportException("The model uses ONNX opset " + v + "; Temper imports opsets "
                            + MIN_OPSET + " to " + MAX_OPSET + ". Re-export it with opset " + MAX_OPSET
                            + " (torch.onnx.export(..., opset_version=" + MAX_OPSET + "))");
                }
                return (int) v;
            }
        }
        throw new ImportException("The model imports no opset of the default ONNX domain");
    }

    private Value input(Graph g) {
        List<String> names = g.inputs().stream().map(Value::name).toList();
        Value input;
        if (inputName != null) {
            input = g.inputs().stream().filter(v -> v.name().equals(inputName)).findFirst()
                    .orElseThrow(() -> new ImportException("The model has no input '" + inputName
                            + "'; its inputs are " + names));
        } else if (g.inputs().size() == 1) {
            input = g.inputs().get(0);
        } else {
            throw new ImportException("The model has " + names.size() + " inputs " + names
                    + " besides its initializers; name the one that takes the examples");
        }
        if (input.dtype() != DType.FLOAT) {
            throw new ImportException("Input '" + input.name() + "' holds " + input.dtype()
                    + " values; Temper trains networks on float (32-bit) inputs");
        }
        return input;
    }

    private static long[] exampleShape(Value input) {
        Shape s = input.shape();
        if (!s.isKnown() || s.rank() < 2) {
            throw new ImportException("Input '" + input.name() + "' has shape " + s
                    + "; Temper needs [batch, ...] with the example's dimensions fixed");
        }
        long[] example = new long[s.rank() - 1];
        for (int i = 1; i < s.rank(); i++) {
            Dim d = s.dim(i);
            if (!d.isFixed() || d.size() == 0) {
                throw new ImportException("Input '" + input.name() + "' has shape " + s + ": dimension " + i + " ("
                        + d + ") is not fixed; only the first (batch) dimension may vary");
            }
            example[i - 1] = d.size();
        }
        return example;
    }

    private Value logits(Graph g) {
        if (logitsName != null) {
            return named(g, logitsName, "logits");
        }
        for (Value out : g.outputs()) {
            if (out.name().equals("logits")) {
                return out;
            }
        }
        if (g.outputs().size() != 1) {
            throw new ImportException("The model has " + g.outputs().size() + " outputs " + outputNames(g)
                    + "; name the one holding the logits");
        }
        return g.outputs().get(0);
    }

    private static Value named(Graph g, String name, String role) {
        Value v = g.findValue(name);
        if (v == null || g.inputs().contains(v) || g.initializers().containsKey(v)) {
            throw new ImportException("No node of the model computes '" + name + "' (asked for as the " + role
                    + "); its outputs are " + outputNames(g));
        }
        return v;
    }

    private static List<String> outputNames(Graph g) {
        return g.outputs().stream().map(Value::name).toList();
    }

    /** The nodes that the wanted values depend on, in their original order. */
    private static List<Node> slice(List<Node> all, List<Value> wanted) {
        Set<Value> needed = new HashSet<>(wanted);
        List<Node> kept = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Node n = all.get(i);
            if (n.outputs().stream().anyMatch(needed::contains)) {
                kept.add(0, n);
                n.inputs().stream().filter(Objects::nonNull).forEach(needed::add);
            }
        }
        return kept;
    }

    private static Map<Value, TensorData> constants(Graph g, List<Node> nodes, List<Value> parameters) {
        Map<Value, TensorData> c = new LinkedHashMap<>(g.initializers());
        parameters.forEach(c::remove);
        for (Node n : nodes) {
            if (n.opType().equals("Constant")) {
                c.put(n.output(0), Replay.constantValue(n));
            }
        }
        return c;
    }

    /**
     * Replays the graph once for training and once for inference with a symbolic batch, so that
     * a shape that cannot be inferred or logits of the wrong form fail now, naming the value.
     * @return the number of classes
     */
    private static int checkReplay(ImportedGraph imported, long[] exampleShape, List<Parameter> parameters,
                                   List<Node> trainable) {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("input", DType.FLOAT, Shape.batchOf(exampleShape));
        Map<String, Value> params = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            params.put(p.name(), b.input(b.freshName("param"), p.initial().dtype(), Shape.of(p.initial().shape())));
        }
        imported.replay(b, x, params, false);
        Replay r = imported.replay(b, x, params, true);
        for (Node n : trainable) {
            for (Value out : n.outputs()) {
                if (!out.name().isEmpty() && !r.get(out).shape().isKnown()) {
                    throw new ImportException("The shape of '" + out.name() + "' (output of node '" + n.name() + "', "
                            + n.opType() + ") cannot be inferred; gradients through it need a known shape");
                }
            }
        }
        Dim batch = x.shape().dim(0);
        if (imported.penultimate() != null) {
            batchMatrix(r.get(imported.penultimate()).shape(), batch, imported.penultimate(), "penultimate");
        }
        Shape logits = r.get(imported.logits()).shape();
        batchMatrix(logits, batch, imported.logits(), "logits");
        if (!logits.dim(1).isFixed() || logits.dim(1).size() < 2) {
            throw new ImportException("The logits value '" + imported.logits().name() + "' has shape " + logits
                    + "; their second dimension must be a fixed number of classes, at least 2");
        }
        return (int) logits.dim(1).size();
    }

    private static void batchMatrix(Shape s, Dim batch, Value v, String role) {
        if (!s.isKnown() || s.rank() != 2) {
            throw new ImportException("The " + role + " value '" + v.name() + "' has shape " + s + "; Temper needs the "
                    + role + " as a matrix [batch, " + (role.equals("logits") ? "classes" : "features") + "]");
        }
        if (!s.dim(0).sameAs(batch)) {
            throw new ImportException("The " + role + " value '" + v.name() + "' has shape " + s + " for an input batch of "
                    + batch + ": the batch dimension is lost on the way, typically a batch size baked into a Reshape."
                    + " Export with a dynamic batch axis, e.g. torch.onnx.export(..., dynamic_axes={'input': {0: 'N'}})");
        }
    }
}
