package org.temper.onnx.autodiff;

import ai.onnxruntime.OrtException;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks gradient rules against central finite differences in float64.
 *
 * <p>For a forward computation Y = f(X1, ..., Xk) on random inputs it takes the scalar
 * L = sum(Y * R) for a fixed random R, so that dL/dY = R. The backward graph is built by a
 * {@link Differentiator} seeded with R and run by ONNX Runtime; every element of every input
 * gradient is compared with (L(x + h) - L(x - h)) / 2h, h = {@value #STEP}, L evaluated by running
 * the forward graph in ONNX Runtime and summing in Java.
 *
 * <p>Error measure, per input: ||a - n|| / max(1e-8, ||a|| + ||n||) with Euclidean norms over the
 * whole gradient tensor (a analytic, n numeric). Norms rather than single elements keep the
 * measure robust where a gradient element is near zero and finite differences are all noise, yet
 * a wrong rule changes the gradient by a fraction of its norm, far above {@value #TOLERANCE}
 * (checked by a deliberately wrong rule in the tests). In float64 the round-off of the
 * differences is about 1e-16 |L| / h = 1e-10 |L| and their truncation error about h^2 = 1e-12,
 * so correct rules land near 1e-9.
 *
 * <p>{@link #analytic()} alone serves checks without differences: an operator whose output is
 * random on every run (Dropout), and float32 runs compared with float64 ones.
 *
 * <p>Where ONNX Runtime's CPU provider lacks float64 kernels (Conv, ConvTranspose, AveragePool,
 * GlobalAveragePool), {@link #maxRelativeErrorAgainst} runs the gradient graph in float32 and
 * takes the central differences of an independent forward written in plain Java in float64 at
 * the same (float-rounded) inputs. The analytic side then carries float32 round-off, about 1e-7
 * relative per operation, so the bound is {@value #FLOAT_TOLERANCE}; a wrong rule still misses it
 * by orders of magnitude (checked in the tests).
 */
final class GradientCheck {

    /** The finite-difference step. */
    static final double STEP = 1e-6;
    /** The largest accepted relative error. */
    static final double TOLERANCE = 1e-6;
    /** The largest accepted relative error of a float32 gradient against a float64 Java reference. */
    static final double FLOAT_TOLERANCE = 1e-5;

    private static final long SEED = 42;
    private static final ExecutionSettings ONE_THREAD = new ExecutionSettings(Device.CPU, 1);

    /** Builds the forward computation on the graph inputs and returns its output Y. */
    @FunctionalInterface
    interface Forward {
        /**
         * @param b the builder
         * @param inputs the graph inputs, in declaration order
         * @return Y
         */
        Value apply(GraphBuilder b, List<Value> inputs);
    }

    /** The forward computation written in plain Java, in float64, as an independent reference. */
    @FunctionalInterface
    interface Reference {
        /**
         * @param inputs the input entries, row-major, in declaration order
         * @return Y, row-major
         */
        double[] forward(List<double[]> inputs);
    }

    /** A scalar function of all inputs. */
    @FunctionalInterface
    private interface Loss {
        double at(List<double[]> inputs) throws OrtException;
    }

    /** How the entries of an input are drawn. */
    enum Sampling {
        /** Uniform in [-1, 1]. */
        ANY,
        /** Magnitude uniform in [0.2, 1], random sign: away from the kink of Relu and LeakyRelu. */
        AWAY_FROM_ZERO,
        /** Uniform in [0.5, 1.5]: for Log, Sqrt and divisors. */
        POSITIVE
    }

    /**
     * One graph input.
     * @param declared the declared shape, possibly with the symbolic batch dimension
     * @param actual the sizes fed at run time
     * @param sampling how its entries are drawn
     */
    record Input(Shape declared, long[] actual, Sampling sampling) {
    }

    /**
     * The outcome of one run of the gradient graph.
     * @param inputs the input entries as fed (after rounding to the element type)
     * @param r the seed R = dL/dY
     * @param outputs every graph output by name: "y", "grad0", "grad1", ... and any the forward added
     */
    record Run(List<double[]> inputs, double[] r, Map<String, TensorData> outputs) {
        /**
         * @param i input index
         * @return the analytic gradient of input i
         */
        double[] grad(int i) {
            return outputs.get("grad" + i).toDoubles();
        }
    }

    private final Forward forward;
    private final List<Input> inputs = new ArrayList<>();
    private DType dtype = DType.DOUBLE;
    private Differentiator differentiator = Differentiator.standard();
    private ExecutionSettings execution = ONE_THREAD;

    private GradientCheck(Forward forward) {
        this.forward = forward;
    }

    /**
     * @param forward the computation to check
     * @return a check with no inputs yet, in float64 with the standard rules
     */
    static GradientCheck of(Forward forward) {
        return new GradientCheck(forward);
    }

    /** Adds an input with entries uniform in [-1, 1]. */
    GradientCheck input(Shape declared, long... actual) {
        return input(declared, Sampling.ANY, actual);
    }

    /** Adds an input drawn as given. */
    GradientCheck input(Shape declared, Sampling sampling, long... actual) {
        inputs.add(new Input(declared, actual, sampling));
        return this;
    }

    /** Adds an input of fixed shape with entries uniform in [-1, 1]. */
    GradientCheck input(long... shape) {
        return input(Shape.of(shape), shape);
    }

    /** Adds an input of fixed shape drawn as given. */
    GradientCheck input(Sampling sampling, long... shape) {
        return input(Shape.of(shape), sampling, shape);
    }

    /** Uses another element type (for {@link #analytic()} only). */
    GradientCheck in(DType type) {
        this.dtype = type;
        return this;
    }

    /** Runs {@link #analytic()} with other settings, for example on a CUDA device. */
    GradientCheck on(ExecutionSettings settings) {
        this.execution = settings;
        return this;
    }

    /** Uses other gradient rules. */
    GradientCheck with(Differentiator d) {
        this.differentiator = d;
        return this;
    }

    /** @return the operator types of the forward graph. */
    Set<String> forwardOperators() {
        GraphBuilder b = new GraphBuilder();
        forward.apply(b, declareInputs(b));
        Set<String> ops = new TreeSet<>();
        b.nodes().forEach(n -> ops.add(n.opType()));
        return ops;
    }

    /**
     * Runs the forward and backward graph once.
     * @return the inputs, the seed and every output
     */
    Run analytic() throws OrtException {
        Map<String, TensorData> feed = randomInputs();
        long[] yShape = runForward(feed).get("y").shape();
        double[] r = random(new Random(SEED + 1), Sampling.ANY, count(yShape));
        feed.put("r", TensorData.ofReals(dtype, r, yShape));
        GraphBuilder b = new GraphBuilder();
        List<Value> xs = declareInputs(b);
        Value y = forward.apply(b, xs);
        Value seedValue = b.input("r", dtype, y.shape());
        Map<Value, Value> grads = differentiator.backward(b, b.nodes(), Map.of(y, seedValue), xs);
        b.output(y, "y");
        for (int i = 0; i < xs.size(); i++) {
            Value g = grads.get(xs.get(i));
            if (g == null) {
                throw new AssertionError("No gradient reached input " + i);
            }
            b.output(g, "grad" + i);
        }
        try (GraphSession s = new GraphSession(b.build("gradient"), execution)) {
            Map<String, TensorData> out = s.run(feed);
            List<double[]> fed = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                fed.add(feed.get("x" + i).toDoubles());
            }
            return new Run(fed, feed.get("r").toDoubles(), out);
        }
    }

    /**
     * Compares every input gradient with central differences.
     * @return the largest relative error over the inputs
     */
    double maxRelativeError() throws OrtException {
        if (dtype != DType.DOUBLE) {
            throw new IllegalStateException("Finite differences need float64");
        }
        Run run = analytic();
        try (GraphSession s = new GraphSession(forwardGraph(), ONE_THREAD)) {
            return worstError(run, xs -> dot(s.run(feed(xs)).get("y").toDoubles(), run.r()));
        }
    }

    /**
     * Compares every input gradient of a float32 run with central differences of a Java reference
     * forward, after checking that the reference computes what ONNX Runtime computes.
     * @param reference the same forward computation in plain Java
     * @return the largest relative error over the inputs
     */
    double maxRelativeErrorAgainst(Reference reference) throws OrtException {
        Run run = in(DType.FLOAT).analytic();
        double forwardError = relativeError(reference.forward(run.inputs()), run.outputs().get("y").toDoubles());
        if (forwardError > FLOAT_TOLERANCE) {
            throw new AssertionError("The Java reference differs from ONNX Runtime's forward by " + forwardError);
        }
        return worstError(run, xs -> dot(reference.forward(xs), run.r()));
    }

    private double worstError(Run run, Loss loss) throws OrtException {
        double worst = 0;
        for (int i = 0; i < inputs.size(); i++) {
            worst = Math.max(worst, relativeError(run.grad(i), numericGradient(loss, run.inputs(), i)));
        }
        return worst;
    }

    /**
     * @param a one vector
     * @param b another of the same length
     * @return ||a - b|| / max(1e-8, ||a|| + ||b||), Euclidean norms
     */
    static double relativeError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("Gradient has " + a.length + " entries, expected " + b.length);
        }
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return Math.sqrt(diff) / Math.max(1e-8, Math.sqrt(na) + Math.sqrt(nb));
    }

    private static double[] numericGradient(Loss loss, List<double[]> at, int input) throws OrtException {
        List<double[]> xs = new ArrayList<>(at);
        double[] x = at.get(input).clone();
        xs.set(input, x);
        double[] numeric = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double original = x[j];
            x[j] = original + STEP;
            double plus = loss.at(xs);
            x[j] = original - STEP;
            double minus = loss.at(xs);
            x[j] = original;
            numeric[j] = (plus - minus) / (2 * STEP);
        }
        return numeric;
    }

    /** The float64 feed of the given input entries. */
    private Map<String, TensorData> feed(List<double[]> xs) {
        Map<String, TensorData> feed = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            feed.put("x" + i, TensorData.ofDoubles(xs.get(i), inputs.get(i).actual()));
        }
        return feed;
    }

    private static double dot(double[] y, double[] r) {
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += y[k] * r[k];
        }
        return sum;
    }

    private Map<String, TensorData> runForward(Map<String, TensorData> feed) throws OrtException {
        try (GraphSession s = new GraphSession(forwardGraph(), ONE_THREAD)) {
            return s.run(feed);
        }
    }

    private Graph forwardGraph() {
        GraphBuilder b = new GraphBuilder();
        b.output(forward.apply(b, declareInputs(b)), "y");
        return b.build("forward");
    }

    private List<Value> declareInputs(GraphBuilder b) {
        List<Value> xs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            xs.add(b.input("x" + i, dtype, inputs.get(i).declared()));
        }
        return xs;
    }

    private Map<String, TensorData> randomInputs() {
        Random rng = new Random(SEED);
        Map<String, TensorData> feed = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            feed.put("x" + i, TensorData.ofReals(dtype, random(rng, in.sampling(), count(in.actual())), in.actual()));
        }
        return feed;
    }

    private static double[] random(Random rng, Sampling sampling, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            v[i] = switch (sampling) {
                case ANY -> 2 * u - 1;
                case AWAY_FROM_ZERO -> (rng.nextBoolean() ? 1 : -1) * (0.2 + 0.8 * u);
                case POSITIVE -> 0.5 + u;
            };
        }
        return v;
    }

    private static int count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return (int) n;
    }
}
