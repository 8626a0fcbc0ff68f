package org.temper.onnx.objective;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs an objective's graph through ONNX Runtime, in float64 unless told otherwise, and checks its
 * gradient numerically.
 */
final class ObjectiveHarness implements AutoCloseable {

    /** The loss and the [B, K] logit gradient, row-major. */
    record Result(double loss, double[] gradient) {
    }

    private final GraphSession session;
    private final int k;
    private final DType dtype;

    ObjectiveHarness(Objective objective, int k) throws Exception {
        this(objective, k, DType.DOUBLE);
    }

    ObjectiveHarness(Objective objective, int k, DType dtype) throws Exception {
        this.k = k;
        this.dtype = dtype;
        GraphBuilder b = new GraphBuilder();
        Value logits = b.input("logits", dtype, Shape.batchOf(k));
        Value labels = b.input("labels", DType.INT64, Shape.batchOf());
        Value teacher = objective.needsTeacher() ? b.input("teacher", dtype, Shape.batchOf(k)) : null;
        Value weight = b.input("weight", dtype, Shape.scalar());
        ObjectiveGraph g = objective.build(b, new ObjectiveInputs(logits, labels, teacher, weight, k));
        b.output(g.loss(), "loss");
        b.output(g.logitGradient(), "grad");
        session = new GraphSession(b.build("objective"), ExecutionSettings.DEFAULT);
    }

    /** Builds, runs once and closes: the result of one objective on one batch. */
    static Result evaluate(Objective objective, int k, double[] logits, long[] labels, double[] teacher,
                           double stepWeight) throws Exception {
        try (ObjectiveHarness h = new ObjectiveHarness(objective, k)) {
            return h.run(logits, labels, teacher, stepWeight);
        }
    }

    /**
     * @param logits row-major [B, K]
     * @param labels [B]
     * @param teacher row-major [B, K] or null
     * @param stepWeight the step weight fed
     */
    Result run(double[] logits, long[] labels, double[] teacher, double stepWeight) throws Exception {
        int batch = labels.length;
        Map<String, TensorData> in = new HashMap<>();
        in.put("logits", TensorData.ofReals(dtype, logits, batch, k));
        in.put("labels", TensorData.ofLongs(labels, batch));
        if (teacher != null) {
            in.put("teacher", TensorData.ofReals(dtype, teacher, batch, k));
        }
        in.put("weight", TensorData.ofReals(dtype, new double[] {stepWeight}));
        Map<String, TensorData> out = session.run(in);
        return new Result(out.get("loss").toDoubles()[0], out.get("grad").toDoubles());
    }

    /**
     * Asserts that the analytic logit gradient agrees with central differences of the loss (step
     * 1e-5): |analytic - numeric| &lt;= 1e-6 max(|analytic|, |numeric|, 1e-3) for every logit.
     */
    void assertGradientMatchesFiniteDifferences(double[] logits, long[] labels, double[] teacher, double stepWeight)
            throws Exception {
        double h = 1e-5;
        double[] analytic = run(logits, labels, teacher, stepWeight).gradient();
        for (int i = 0; i < logits.length; i++) {
            double[] up = logits.clone();
            double[] down = logits.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (run(up, labels, teacher, stepWeight).loss()
                    - run(down, labels, teacher, stepWeight).loss()) / (2 * h);
            double scale = Math.max(1e-3, Math.max(Math.abs(analytic[i]), Math.abs(numeric)));
            double error = Math.abs(analytic[i] - numeric) / scale;
            assertTrue(error < 1e-6, "logit " + i + ": analytic " + analytic[i] + ", numeric " + numeric
                    + ", relative error " + error);
        }
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
