package org.temper.onnx.optim;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an optimizer's update graph (in float64 unless told otherwise) for several steps through ONNX
 * Runtime, feeding the new parameters and state back in, optionally with global-norm clipping of
 * the gradients first.
 */
final class UpdateHarness {

    private UpdateHarness() {
    }

    /**
     * @param optimizer the update rule
     * @param clipping clipping applied to all gradients together, or null
     * @param parameters initial values of each parameter
     * @param shapes the shape of each parameter
     * @param gradients [step][parameter] gradient values
     * @param rates the learning rate of each step
     * @return [parameter] values after the last step
     */
    static double[][] run(Optimizer optimizer, GlobalNormClipping clipping, double[][] parameters, long[][] shapes,
                          double[][][] gradients, double[] rates) throws Exception {
        return run(optimizer, clipping, parameters, shapes, gradients, rates, DType.DOUBLE);
    }

    /** As the method above, in the given element type. */
    static double[][] run(Optimizer optimizer, GlobalNormClipping clipping, double[][] parameters, long[][] shapes,
                          double[][][] gradients, double[] rates, DType dtype) throws Exception {
        int n = parameters.length;
        GraphBuilder b = new GraphBuilder();
        Value rate = b.input("rate", dtype, Shape.scalar());
        Value step = b.input("step", dtype, Shape.scalar());
        List<Value> ws = new ArrayList<>();
        List<Value> gs = new ArrayList<>();
        List<List<Value>> states = new ArrayList<>();
        Map<String, TensorData> feed = new HashMap<>();
        for (int i = 0; i < n; i++) {
            TensorData w = TensorData.ofReals(dtype, parameters[i], shapes[i]);
            ws.add(b.input("w" + i, dtype, Shape.of(shapes[i])));
            gs.add(b.input("g" + i, dtype, Shape.of(shapes[i])));
            feed.put("w" + i, w);
            List<TensorData> initial = optimizer.initialState(w);
            List<Value> s = new ArrayList<>();
            for (int j = 0; j < initial.size(); j++) {
                s.add(b.input("s" + i + "_" + j, dtype, Shape.of(shapes[i])));
                feed.put("s" + i + "_" + j, initial.get(j));
            }
            states.add(s);
        }
        List<Value> used = clipping == null ? gs : clipping.clip(b, gs).gradients();
        for (int i = 0; i < n; i++) {
            Optimizer.ParameterUpdate u = optimizer.update(b,
                    new Optimizer.UpdateInputs(ws.get(i), used.get(i), states.get(i), rate, step));
            b.output(u.parameter(), "new_w" + i);
            for (int j = 0; j < u.state().size(); j++) {
                b.output(u.state().get(j), "new_s" + i + "_" + j);
            }
        }
        try (GraphSession session = new GraphSession(b.build("update"), ExecutionSettings.DEFAULT)) {
            for (int t = 0; t < rates.length; t++) {
                feed.put("rate", TensorData.ofReals(dtype, new double[] {rates[t]}));
                feed.put("step", TensorData.ofReals(dtype, new double[] {t + 1}));
                for (int i = 0; i < n; i++) {
                    feed.put("g" + i, TensorData.ofReals(dtype, gradients[t][i], shapes[i]));
                }
                Map<String, TensorData> out = session.run(feed);
                for (Map.Entry<String, TensorData> e : out.entrySet()) {
                    feed.put(e.getKey().substring("new_".length()), e.getValue());
                }
            }
        }
        double[][] result = new double[n][];
        for (int i = 0; i < n; i++) {
            result[i] = feed.get("w" + i).toDoubles();
        }
        return result;
    }
}
