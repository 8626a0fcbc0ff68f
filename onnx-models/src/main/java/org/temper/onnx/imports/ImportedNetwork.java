package org.temper.onnx.imports;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;

import java.util.List;
import java.util.Map;

/**
 * A network exported elsewhere (e.g. by {@code torch.onnx.export}) and read by
 * {@link NetworkImporter}: its floating-point initializers are the parameters, and its forward
 * pass replays the imported nodes with fresh names and inferred shapes, so Temper trains,
 * evaluates and saves it like any network of the zoo.
 */
public final class ImportedNetwork implements Network {

    private final ImportedGraph graph;
    private final long[] exampleShape;
    private final int numClasses;
    private final List<Parameter> parameters;
    private final String description;

    ImportedNetwork(ImportedGraph graph, long[] exampleShape, int numClasses, List<Parameter> parameters,
                    String description) {
        this.graph = graph;
        this.exampleShape = exampleShape.clone();
        this.numClasses = numClasses;
        this.parameters = List.copyOf(parameters);
        this.description = description;
    }

    @Override
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Forward forward(GraphBuilder b, Value input, Map<String, Value> params, boolean training) {
        Replay r = graph.replay(b, input, params, training);
        return new Forward(r.get(graph.logits()), graph.penultimate() == null ? null : r.get(graph.penultimate()));
    }

    @Override
    public String describe() {
        return description;
    }
}
