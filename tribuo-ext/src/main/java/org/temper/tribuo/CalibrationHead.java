package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.CalibrationMap;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.calibration.recalibration.DirichletCalibration;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.List;

/**
 * A fitted calibration map as an ONNX graph from a network's logits [batch, K] ({@value #INPUT}) to
 * calibrated probabilities ({@value #OUTPUT}), for the methods whose map is a linear function before a
 * softmax. {@link CalibratedModel} fits its maps on log p, the network's log-softmax, so the graphs
 * start from it, clipped as the fit clipped it:
 * <ul>
 *   <li>temperature: softmax(z / T);</li>
 *   <li>vector scaling: softmax(w * x + b), x = max(log softmax(z), {@link Predictions#LOG_OF_ZERO});</li>
 *   <li>matrix scaling: softmax(x W^T + b), the same x;</li>
 *   <li>Dirichlet calibration: softmax(x W^T + b), x = max(log softmax(z),
 *   ln {@link DirichletCalibration#PROBABILITY_FLOOR}).</li>
 * </ul>
 * The other methods (Platt, isotonic, histogram, ETS, beta) are one-vs-rest or piecewise maps and are
 * not exported.
 */
final class CalibrationHead {

    /** The graph's input: the network's logits. */
    static final String INPUT = "logits";
    /** The graph's output: calibrated probabilities. */
    static final String OUTPUT = "probabilities";

    private CalibrationHead() {
    }

    /**
     * @param method the fitted method
     * @return true when {@link #graph} can express its maps
     */
    static boolean exports(CalibrationMethod method) {
        return switch (method) {
            case TEMPERATURE, VECTOR, MATRIX, DIRICHLET -> true;
            default -> false;
        };
    }

    /**
     * @param method the fitted method, one that {@link #exports}
     * @param map its fitted map
     * @return the graph from {@value #INPUT} to {@value #OUTPUT}
     */
    static OnnxMl.GraphProto graph(CalibrationMethod method, CalibrationMap map) {
        int k = map.classes();
        GraphBuilder g = new GraphBuilder();
        Value z = g.input(INPUT, DType.FLOAT, Shape.batchOf(k));
        Value u = switch (method) {
            case TEMPERATURE -> g.div(z, g.scalar(map.parameters().get("T").get(0), DType.FLOAT));
            case VECTOR -> g.add(g.mul(logProbabilities(g, z, Predictions.LOG_OF_ZERO),
                    vector(g, "w", map.parameters().get("w"))), vector(g, "b", map.parameters().get("b")));
            case MATRIX -> affine(g, logProbabilities(g, z, Predictions.LOG_OF_ZERO), map, k);
            case DIRICHLET -> affine(g, logProbabilities(g, z, Math.log(DirichletCalibration.PROBABILITY_FLOOR)), map,
                    k);
            default -> throw new IllegalArgumentException(method.key() + " has no ONNX form");
        };
        g.output(g.softmax(u, 1), OUTPUT);
        return OnnxProto.toGraphProto(g.build("calibration"));
    }

    private static Value logProbabilities(GraphBuilder g, Value z, double floor) {
        return g.max(g.logSoftmax(z, 1), g.scalar(floor, DType.FLOAT));
    }

    /** x W^T + b, W row-major as the map's "W" (u_r = sum_c W[r][c] x_c + b_r). */
    private static Value affine(GraphBuilder g, Value x, CalibrationMap map, int k) {
        List<Double> w = map.parameters().get("W");
        float[] transposed = new float[k * k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                transposed[c * k + r] = w.get(r * k + c).floatValue();
            }
        }
        Value wt = g.initializer(g.freshName("W_t"), TensorData.ofFloats(transposed, k, k));
        return g.add(g.matMul(x, wt), vector(g, "b", map.parameters().get("b")));
    }

    private static Value vector(GraphBuilder g, String name, List<Double> values) {
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).floatValue();
        }
        return g.initializer(g.freshName(name), TensorData.ofFloats(v, v.length));
    }
}
