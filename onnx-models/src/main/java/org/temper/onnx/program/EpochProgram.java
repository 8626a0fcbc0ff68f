package org.temper.onnx.program;

import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.objective.ObjectiveGraph;
import org.temper.onnx.objective.ObjectiveInputs;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.temper.onnx.program.ProgramNames.ACCURACIES;
import static org.temper.onnx.program.ProgramNames.BATCHES;
import static org.temper.onnx.program.ProgramNames.FEATURES;
import static org.temper.onnx.program.ProgramNames.LABELS;
import static org.temper.onnx.program.ProgramNames.LEARNING_RATES;
import static org.temper.onnx.program.ProgramNames.LOSSES;
import static org.temper.onnx.program.ProgramNames.NEW_STEP;
import static org.temper.onnx.program.ProgramNames.STEP;
import static org.temper.onnx.program.ProgramNames.STEP_WEIGHTS;
import static org.temper.onnx.program.ProgramNames.TEACHER;
import static org.temper.onnx.program.ProgramNames.TRIP_COUNT;

/**
 * The training program of a network: one ONNX graph whose single Loop runs S training steps. The
 * loop carries the parameters, the optimizer state and the update count; each iteration gathers
 * its batch from the whole data set by index, runs the forward pass, the objective, the backward
 * pass and the optimizer update, and emits the step's loss and accuracy as scan outputs. One
 * {@code OrtSession.run} of this graph trains S steps with the weights never leaving ONNX Runtime.
 */
public final class EpochProgram {

    private final Graph graph;
    private final List<Parameter> parameters;
    private final List<List<TensorData>> initialStates;
    private final boolean needsTeacher;

    private EpochProgram(Graph graph, List<Parameter> parameters, List<List<TensorData>> initialStates,
                         boolean needsTeacher) {
        this.graph = graph;
        this.parameters = parameters;
        this.initialStates = initialStates;
        this.needsTeacher = needsTeacher;
    }

    /**
     * @param network the network to train
     * @param differentiator builds the backward pass of the network's forward nodes
     * @param objective the objective on its logits
     * @param optimizer the update rule
     * @param clipping global-norm gradient clipping, or null for none
     * @param batchSize examples per step
     * @return the program
     */
    public static EpochProgram build(Network network, Differentiator differentiator, Objective objective,
                                     Optimizer optimizer, GlobalNormClipping clipping, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
        }
        GraphBuilder g = new GraphBuilder();
        DType t = DType.FLOAT;
        int k = network.numClasses();
        Value features = g.input(FEATURES, t, withLeading(Dim.symbol("M"), network.exampleShape()));
        Value labels = g.input(LABELS, DType.INT64, Shape.of(List.of(Dim.symbol("M"))));
        Value teacher = objective.needsTeacher() ? g.input(TEACHER, t, Shape.of(List.of(Dim.symbol("M"), Dim.of(k))))
                : null;
        Value batches = g.input(BATCHES, DType.INT64, Shape.of(List.of(Dim.symbol("S"), Dim.of(batchSize))));
        Value rates = g.input(LEARNING_RATES, t, Shape.of(List.of(Dim.symbol("S"))));
        Value weights = g.input(STEP_WEIGHTS, t, Shape.of(List.of(Dim.symbol("S"))));
        Value tripCount = g.input(TRIP_COUNT, DType.INT64, Shape.scalar());
        Value step = g.input(STEP, t, Shape.scalar());

        List<Value> carriedIn = new ArrayList<>(List.of(step));
        List<Integer> stateCounts = new ArrayList<>();
        List<List<TensorData>> initialStates = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            carriedIn.add(g.input(ProgramNames.param(p.name()), p.initial().dtype(), Shape.of(p.initial().shape())));
            List<TensorData> s = optimizer.initialState(p.initial());
            initialStates.add(s);
            stateCounts.add(s.size());
        }
        for (int i = 0; i < network.parameters().size(); i++) {
            Parameter p = network.parameters().get(i);
            for (int j = 0; j < stateCounts.get(i); j++) {
                TensorData s = initialStates.get(i).get(j);
                carriedIn.add(g.input(ProgramNames.state(p.name(), j), s.dtype(), Shape.of(s.shape())));
            }
        }

        GraphBuilder body = g.subgraph();
        Graph bodyGraph = buildBody(body, network, differentiator, objective, optimizer, clipping, carriedIn,
                stateCounts, new StepData(features, labels, teacher, batches, rates, weights), k);

        List<Value> loopIns = new ArrayList<>();
        loopIns.add(tripCount);
        loopIns.add(null);
        loopIns.addAll(carriedIn);
        List<Value> loopOuts = new ArrayList<>();
        for (Value v : carriedIn) {
            loopOuts.add(new Value("", v.dtype(), v.shape()));
        }
        Shape perStep = Shape.of(List.of(Dim.symbol("S")));
        loopOuts.add(new Value("", t, perStep));
        loopOuts.add(new Value("", t, perStep));
        List<Value> results = g.op("Loop", loopIns, Map.of("body", bodyGraph), loopOuts);

        g.output(results.get(0), NEW_STEP);
        int r = 1;
        for (Parameter p : network.parameters()) {
            g.output(results.get(r++), ProgramNames.newParam(p.name()));
        }
        for (int i = 0; i < network.parameters().size(); i++) {
            for (int j = 0; j < stateCounts.get(i); j++) {
                g.output(results.get(r++), ProgramNames.newState(network.parameters().get(i).name(), j));
            }
        }
        g.output(results.get(r++), LOSSES);
        g.output(results.get(r), ACCURACIES);
        return new EpochProgram(g.build("temper_epoch"), network.parameters(), initialStates,
                objective.needsTeacher());
    }

    /** The outer-scope values a loop iteration reads. */
    private record StepData(Value features, Value labels, Value teacher, Value batches, Value rates, Value weights) {
    }

    private static Graph buildBody(GraphBuilder b, Network network, Differentiator differentiator, Objective objective,
                                   Optimizer optimizer, GlobalNormClipping clipping, List<Value> carriedOuter,
                                   List<Integer> stateCounts, StepData data, int k) {
        DType t = DType.FLOAT;
        Value iter = b.input(b.freshName("iter"), DType.INT64, Shape.scalar());
        Value condIn = b.input(b.freshName("cond"), DType.BOOL, Shape.scalar());
        List<Value> carried = new ArrayList<>();
        for (Value v : carriedOuter) {
            carried.add(b.input(b.freshName("in_" + v.name()), v.dtype(), v.shape()));
        }
        Value stepIn = carried.get(0);
        Map<String, Value> params = new LinkedHashMap<>();
        List<Parameter> ps = network.parameters();
        for (int i = 0; i < ps.size(); i++) {
            params.put(ps.get(i).name(), carried.get(1 + i));
        }

        Value idx = b.gather(data.batches(), iter, 0);
        Value x = b.gather(data.features(), idx, 0);
        Value y = b.gather(data.labels(), idx, 0);
        Value teacher = data.teacher() == null ? null : b.gather(data.teacher(), idx, 0);
        Value lr = b.gather(data.rates(), iter, 0);
        Value weight = b.gather(data.weights(), iter, 0);
        Value stepOut = b.add(stepIn, b.scalar(1, t));

        int before = b.nodes().size();
        Network.Forward fwd = network.forward(b, x, params, true);
        List<Node> forwardNodes = b.nodes().subList(before, b.nodes().size());
        ObjectiveGraph obj = objective.build(b, new ObjectiveInputs(fwd.logits(), y, teacher, weight, k));
        Map<Value, Value> grads = differentiator.backward(b, forwardNodes, Map.of(fwd.logits(),
                obj.logitGradient()), params.values());

        List<Value> gradients = new ArrayList<>();
        for (Parameter p : ps) {
            Value grad = grads.get(params.get(p.name()));
            if (grad == null) {
                throw new IllegalStateException("Parameter " + p.name() + " does not influence the logits");
            }
            gradients.add(grad);
        }
        if (clipping != null) {
            gradients = clipping.clip(b, gradients).gradients();
        }
        List<Value> newParams = new ArrayList<>();
        List<Value> newStates = new ArrayList<>();
        int stateIndex = 1 + ps.size();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            Value w = params.get(p.name());
            List<Value> state = carried.subList(stateIndex, stateIndex + stateCounts.get(i));
            stateIndex += stateCounts.get(i);
            Value grad = gradients.get(i);
            Value rate = p.learningRateScale() == 1.0 ? lr : b.mul(lr, b.scalar(p.learningRateScale(), t));
            Optimizer.ParameterUpdate u = optimizer.update(b, new Optimizer.UpdateInputs(w, grad, state, rate, stepOut));
            newParams.add(u.parameter());
            newStates.addAll(u.state());
        }
        Value predicted = b.argMax(fwd.logits(), 1, false);
        Value accuracy = b.reduceMean(b.cast(b.equal(predicted, y), t), false);

        // Values computed in the body are its outputs as they are: an Identity would copy every
        // parameter once more per step. Only a body input passed through needs one.
        Set<Value> bodyInputs = new HashSet<>(carried);
        bodyInputs.add(condIn);
        Set<Value> declared = new HashSet<>();
        Consumer<Value> output = v -> b.output(bodyInputs.contains(v) || !declared.add(v)
                ? b.identity(v) : v);
        output.accept(condIn);
        output.accept(stepOut);
        newParams.forEach(output);
        newStates.forEach(output);
        output.accept(obj.loss());
        output.accept(accuracy);
        return GemmAccumulation.fuse(b.build("temper_step"));
    }

    private static Shape withLeading(Dim first, long[] rest) {
        List<Dim> d = new ArrayList<>();
        d.add(first);
        for (long r : rest) {
            d.add(Dim.of(r));
        }
        return Shape.of(d);
    }

    /** @return the graph. */
    public Graph graph() {
        return graph;
    }

    /** @return the parameters in the program's order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * @param parameterIndex index into {@link #parameters()}
     * @return the initial optimizer state tensors of that parameter
     */
    public List<TensorData> initialState(int parameterIndex) {
        return initialStates.get(parameterIndex);
    }

    /** @return true when the program reads teacher logits. */
    public boolean needsTeacher() {
        return needsTeacher;
    }

}
