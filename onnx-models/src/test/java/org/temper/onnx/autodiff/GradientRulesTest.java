package org.temper.onnx.autodiff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.autodiff.GradientCheck.Sampling;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks every registered gradient rule in float64 against central finite differences (see
 * {@link GradientCheck}), with broadcasting both ways, the symbolic batch dimension "N" and
 * scalars, and checks that the same rules build valid float32 graphs whose gradients agree with
 * the float64 ones. ONNX Runtime 1.29's CPU provider has float64 kernels for every operator of the finite-difference cases,
 * LeakyRelu and Dropout included. Dropout is checked differently: its mask is random on every
 * run, so the mask and the gradient come from one run of one session and the gradient is
 * compared with R * mask / (1 - ratio). The CPU provider lacks float64 Conv, ConvTranspose,
 * AveragePool and GlobalAveragePool kernels, so those rules are checked in float32 against
 * central differences of a plain-Java float64 forward ({@link ReferenceOps}).
 */
class GradientRulesTest {

    private static double largestError;
    private static double largestFloatError;

    /** A binary operator as a builder method. */
    private interface Binary {
        Value apply(GraphBuilder b, Value x, Value y);
    }

    /** A unary operator as a builder method. */
    private interface Unary {
        Value apply(GraphBuilder b, Value x);
    }

    static Stream<Arguments> finiteDifferenceCases() {
        List<Arguments> cases = new ArrayList<>();
        gemm(cases);
        matMul(cases);
        broadcastingArithmetic(cases);
        unary(cases);
        softmaxes(cases);
        shapes(cases);
        maxPools(cases);
        batchNormalizations(cases);
        cases.add(Arguments.of("MLP Gemm-Relu-Gemm-LogSoftmax on [N,4]", GradientCheck.of((b, x) ->
                b.logSoftmax(b.gemm(b.relu(b.gemm(x.get(0), x.get(1), x.get(2), false, false)), x.get(3), null,
                        false, true), 1))
                .input(Shape.batchOf(4), 3, 4).input(4, 5).input(5).input(2, 5)));
        return cases.stream();
    }

    private static void gemm(List<Arguments> cases) {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                cases.add(Arguments.of("Gemm transA=" + ta + " transB=" + tb + " bias [5]", GradientCheck.of((b, x) ->
                        b.gemm(x.get(0), x.get(1), x.get(2), ta, tb))
                        .input(ta ? new long[] {4, 3} : new long[] {3, 4}).input(tb ? new long[] {5, 4} : new long[] {4, 5})
                        .input(5)));
            }
        }
        long[][] biases = {{}, {5}, {1, 5}, {3, 1}, {3, 5}};
        for (long[] bias : biases) {
            cases.add(Arguments.of("Gemm alpha=0.3 beta=1.7 transB bias " + Shape.of(bias), GradientCheck.of((b, x) ->
                    b.gemm(x.get(0), x.get(1), x.get(2), false, true, 0.3, 1.7))
                    .input(3, 4).input(5, 4).input(bias)));
        }
        cases.add(Arguments.of("Gemm no bias, alpha=2 transA", GradientCheck.of((b, x) ->
                b.gemm(x.get(0), x.get(1), null, true, false, 2, 1)).input(4, 3).input(4, 5)));
        cases.add(Arguments.of("Gemm [N,4] x [4,5] + [5]", GradientCheck.of((b, x) ->
                b.gemm(x.get(0), x.get(1), x.get(2), false, false)).input(Shape.batchOf(4), 3, 4).input(4, 5).input(5)));
    }

    private static void matMul(List<Arguments> cases) {
        long[][][] pairs = {
            {{3, 4}, {4, 2}},
            {{2, 3, 4}, {4, 5}},
            {{3, 4}, {2, 4, 5}},
            {{2, 1, 3, 4}, {3, 4, 2}},
        };
        for (long[][] p : pairs) {
            cases.add(Arguments.of("MatMul " + Shape.of(p[0]) + " x " + Shape.of(p[1]),
                    GradientCheck.of((b, x) -> b.matMul(x.get(0), x.get(1))).input(p[0]).input(p[1])));
        }
        cases.add(Arguments.of("MatMul [N,3,4] x [N,4,2]", GradientCheck.of((b, x) -> b.matMul(x.get(0), x.get(1)))
                .input(Shape.batchOf(3, 4), 2, 3, 4).input(Shape.batchOf(4, 2), 2, 4, 2)));
    }

    private static void broadcastingArithmetic(List<Arguments> cases) {
        Map<String, Binary> ops = Map.of("Add", GraphBuilder::add, "Sub", GraphBuilder::sub, "Mul", GraphBuilder::mul,
                "Div", GraphBuilder::div);
        Shape[][] shapes = {
            {Shape.of(2, 3), Shape.of(2, 3)},
            {Shape.batchOf(3), Shape.of(3)},
            {Shape.of(3), Shape.batchOf(3)},
            {Shape.of(2, 1, 4), Shape.of(3, 1)},
            {Shape.of(1, 3), Shape.batchOf(1)},
            {Shape.batchOf(3), Shape.scalar()},
            {Shape.scalar(), Shape.of(2, 3)},
        };
        for (String name : new TreeSet<>(ops.keySet())) {
            Sampling divisor = name.equals("Div") ? Sampling.POSITIVE : Sampling.ANY;
            for (Shape[] s : shapes) {
                cases.add(Arguments.of(name + " " + s[0] + " and " + s[1], GradientCheck.of((b, x) ->
                        ops.get(name).apply(b, x.get(0), x.get(1)))
                        .input(s[0], actual(s[0])).input(s[1], divisor, actual(s[1]))));
            }
        }
        cases.add(Arguments.of("Mul of a value by itself", GradientCheck.of((b, x) -> b.mul(x.get(0), x.get(0)))
                .input(2, 3)));
    }

    private static void unary(List<Arguments> cases) {
        Map<String, Unary> ops = Map.of("Relu", GraphBuilder::relu, "Sigmoid", GraphBuilder::sigmoid,
                "Tanh", GraphBuilder::tanh, "Exp", GraphBuilder::exp, "Log", GraphBuilder::log,
                "Sqrt", GraphBuilder::sqrt, "Neg", GraphBuilder::neg, "Identity", GraphBuilder::identity,
                "LeakyRelu", (b, x) -> b.leakyRelu(x, 0.1));
        for (String name : new TreeSet<>(ops.keySet())) {
            Sampling sampling = switch (name) {
                case "Relu", "LeakyRelu" -> Sampling.AWAY_FROM_ZERO;
                case "Log", "Sqrt" -> Sampling.POSITIVE;
                default -> Sampling.ANY;
            };
            cases.add(Arguments.of(name + " [N,3]", GradientCheck.of((b, x) -> ops.get(name).apply(b, x.get(0)))
                    .input(Shape.batchOf(3), sampling, 4, 3)));
        }
    }

    private static void softmaxes(List<Arguments> cases) {
        for (long axis : new long[] {0, 1, 2, -1}) {
            cases.add(Arguments.of("Softmax axis " + axis, GradientCheck.of((b, x) -> b.softmax(x.get(0), axis))
                    .input(2, 3, 4)));
            cases.add(Arguments.of("LogSoftmax axis " + axis, GradientCheck.of((b, x) -> b.logSoftmax(x.get(0), axis))
                    .input(2, 3, 4)));
        }
    }

    private static void shapes(List<Arguments> cases) {
        for (long axis : new long[] {0, 1, 2}) {
            cases.add(Arguments.of("Flatten axis " + axis, GradientCheck.of((b, x) -> b.flatten(x.get(0), axis))
                    .input(Shape.batchOf(3, 4), 2, 3, 4)));
        }
        cases.add(Arguments.of("Reshape [N,6] to [N,2,3]", GradientCheck.of((b, x) -> b.reshape(x.get(0), 0, 2, 3))
                .input(Shape.batchOf(6), 2, 6)));
        cases.add(Arguments.of("Reshape [2,3,4] to [4,-1]", GradientCheck.of((b, x) -> b.reshape(x.get(0), 4, -1))
                .input(2, 3, 4)));
        cases.add(Arguments.of("Transpose perm 2,0,1", GradientCheck.of((b, x) -> b.transpose(x.get(0), 2, 0, 1))
                .input(2, 3, 4)));
        cases.add(Arguments.of("Transpose [N,3] perm 1,0", GradientCheck.of((b, x) -> b.transpose(x.get(0), 1, 0))
                .input(Shape.batchOf(3), 2, 3)));
        cases.add(Arguments.of("Transpose default perm", GradientCheck.of((b, x) -> b.op("Transpose", List.of(x.get(0)),
                Map.of(), List.of(new Value("", x.get(0).dtype(), Shape.of(4, 3, 2)))).get(0))
                .input(2, 3, 4)));
        cases.add(Arguments.of("Concat axis 1, sizes 1,3,2", GradientCheck.of((b, x) ->
                b.concat(1, x.get(0), x.get(1), x.get(2))).input(2, 1, 4).input(2, 3, 4).input(2, 2, 4)));
        cases.add(Arguments.of("Concat axis -1", GradientCheck.of((b, x) -> b.concat(-1, x.get(0), x.get(1)))
                .input(3, 2).input(3, 5)));
        cases.add(Arguments.of("Concat axis 0 of [N,3] and [4,3]", GradientCheck.of((b, x) ->
                b.concat(0, x.get(0), x.get(1))).input(Shape.batchOf(3), 2, 3).input(4, 3)));
        cases.add(Arguments.of("Concat of a value with itself", GradientCheck.of((b, x) ->
                b.concat(1, x.get(0), x.get(0))).input(2, 3)));
    }

    private static void maxPools(List<Arguments> cases) {
        cases.add(Arguments.of("MaxPool [2,3,6,6] kernel 2 stride 2", maxPool(Shape.of(2, 3, 6, 6), new long[] {2, 2},
                new long[] {2, 2}, new long[] {0, 0, 0, 0})));
        cases.add(Arguments.of("MaxPool [2,2,7,7] kernel 3 stride 2 pads 1 (overlapping)", maxPool(Shape.of(2, 2, 7, 7),
                new long[] {3, 3}, new long[] {2, 2}, new long[] {1, 1, 1, 1})));
        cases.add(Arguments.of("MaxPool [N,2,5,4] kernel 2x3 stride 1x2 pads 0,1,1,0", maxPool(Shape.batchOf(2, 5, 4),
                new long[] {2, 3}, new long[] {1, 2}, new long[] {0, 1, 1, 0})));
        cases.add(Arguments.of("MaxPool without Indices output (recomputed)", GradientCheck.of((b, x) -> b.op("MaxPool",
                List.of(x.get(0)), Map.of("kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2}),
                List.of(new Value("", x.get(0).dtype(), Shape.of(2, 2, 3, 3)))).get(0)).input(2, 2, 7, 8)));
    }

    private static GradientCheck maxPool(Shape x, long[] kernel, long[] strides, long[] pads) {
        return GradientCheck.of((b, in) -> b.maxPool(in.get(0), kernel, strides, pads, true).get(0)).input(x, actual(x));
    }

    private static void batchNormalizations(List<Arguments> cases) {
        cases.add(Arguments.of("BatchNormalization inference [N,3,4,5], every input", GradientCheck.of((b, x) ->
                b.batchNormalization(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), 1e-3))
                .input(Shape.batchOf(3, 4, 5), 2, 3, 4, 5).input(3).input(3).input(3).input(Sampling.POSITIVE, 3)));
        cases.add(Arguments.of("BatchNormalization inference [N,4]", GradientCheck.of((b, x) ->
                b.batchNormalization(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), 1e-5))
                .input(Shape.batchOf(4), 3, 4).input(4).input(4).input(4).input(Sampling.POSITIVE, 4)));
        for (long[] shape : new long[][] {{3, 2, 3, 4}, {5, 3}}) {
            int c = (int) shape[1];
            cases.add(Arguments.of("BatchNormalization training mode " + Shape.of(shape), GradientCheck.of((b, x) -> {
                Value mean = b.constant(TensorData.ofReals(x.get(0).dtype(), new double[c], c));
                Value var = b.constant(TensorData.ofReals(x.get(0).dtype(), ones(c), c));
                Value y = new Value("", x.get(0).dtype(), x.get(0).shape());
                Value stat = new Value("", x.get(0).dtype(), Shape.of(c));
                return b.op("BatchNormalization", List.of(x.get(0), x.get(1), x.get(2), mean, var),
                        Map.of("epsilon", 1e-3, "training_mode", 1L), List.of(y, stat, stat)).get(0);
            }).input(shape).input(c).input(c)));
        }
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    /** Cases of operators without float64 kernels: the float32 gradient against a Java reference. */
    static Stream<Arguments> referenceCases() {
        List<Arguments> cases = new ArrayList<>();
        long[] one = {1, 1};
        conv(cases, Shape.of(2, 3, 7, 7), new long[] {4, 3, 3, 3}, true, one, new long[] {0, 0, 0, 0}, one);
        conv(cases, Shape.of(2, 2, 7, 7), new long[] {3, 2, 3, 3}, true, new long[] {2, 2}, new long[] {1, 1, 1, 1}, one);
        conv(cases, Shape.of(2, 2, 8, 8), new long[] {3, 2, 3, 3}, false, new long[] {2, 2}, new long[] {0, 0, 0, 0}, one);
        conv(cases, Shape.batchOf(2, 6, 5), new long[] {3, 2, 3, 2}, true, new long[] {2, 1}, new long[] {1, 0, 2, 1}, one);
        conv(cases, Shape.of(1, 2, 7, 7), new long[] {2, 2, 2, 2}, true, new long[] {3, 3}, new long[] {0, 0, 0, 0}, one);
        conv(cases, Shape.of(1, 2, 7, 8), new long[] {2, 2, 3, 3}, true, one, new long[] {1, 1, 1, 1}, new long[] {2, 2});
        conv(cases, Shape.batchOf(1, 9, 9), new long[] {3, 1, 5, 5}, true, one, new long[] {2, 2, 2, 2}, one);
        long[] xs = {1, 2, 8, 8};
        long[] ws = {2, 2, 3, 3};
        cases.add(Arguments.of("Conv auto_pad SAME_UPPER stride 2 on [1,2,8,8]", GradientCheck.of((b, x) -> b.op("Conv",
                List.of(x.get(0), x.get(1)), Map.of("auto_pad", "SAME_UPPER", "strides", new long[] {2, 2}),
                List.of(new Value("", x.get(0).dtype(), Shape.of(1, 2, 4, 4)))).get(0)).input(xs).input(ws),
                (GradientCheck.Reference) in -> ReferenceOps.conv(in.get(0), xs, in.get(1), ws, null,
                        new long[] {2, 2}, new long[] {0, 0, 1, 1}, one)));
        for (boolean include : new boolean[] {false, true}) {
            averagePool(cases, Shape.of(2, 3, 6, 6), new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0, 0, 0}, include);
            averagePool(cases, Shape.of(2, 2, 7, 7), new long[] {3, 3}, new long[] {2, 2}, new long[] {1, 1, 1, 1}, include);
            averagePool(cases, Shape.batchOf(2, 6, 5), new long[] {3, 3}, new long[] {2, 1}, new long[] {1, 0, 2, 1},
                    include);
        }
        for (Shape x : new Shape[] {Shape.of(2, 3, 4, 5), Shape.batchOf(2, 3, 3)}) {
            long[] actual = actual(x);
            cases.add(Arguments.of("GlobalAveragePool " + x, GradientCheck.of((b, in) -> b.globalAveragePool(in.get(0)))
                    .input(x, actual), (GradientCheck.Reference) in -> ReferenceOps.globalAveragePool(in.get(0), actual)));
        }
        return cases.stream();
    }

    private static void conv(List<Arguments> cases, Shape x, long[] ws, boolean bias, long[] strides, long[] pads,
                             long[] dilations) {
        long[] xs = actual(x);
        GradientCheck check = GradientCheck.of((b, in) -> b.conv(in.get(0), in.get(1), bias ? in.get(2) : null,
                strides, pads, dilations, 1)).input(x, xs).input(ws);
        if (bias) {
            check.input(ws[0]);
        }
        String name = "Conv " + x + " weights " + Shape.of(ws) + (bias ? " bias" : "") + " strides "
                + Shape.of(strides) + " pads " + Shape.of(pads) + " dilations " + Shape.of(dilations);
        cases.add(Arguments.of(name, check, (GradientCheck.Reference) in -> ReferenceOps.conv(in.get(0), xs, in.get(1),
                ws, bias ? in.get(2) : null, strides, pads, dilations)));
    }

    private static void averagePool(List<Arguments> cases, Shape x, long[] kernel, long[] strides, long[] pads,
                                    boolean includePad) {
        long[] xs = actual(x);
        cases.add(Arguments.of("AveragePool " + x + " kernel " + Shape.of(kernel) + " strides " + Shape.of(strides)
                + " pads " + Shape.of(pads) + " count_include_pad " + includePad, GradientCheck.of((b, in) ->
                b.averagePool(in.get(0), kernel, strides, pads, includePad)).input(x, xs),
                (GradientCheck.Reference) in -> ReferenceOps.averagePool(in.get(0), xs, kernel, strides, pads,
                        includePad)));
    }

    /** The declared shape with the batch dimension N set to 2. */
    private static long[] actual(Shape declared) {
        return declared.dims().stream().mapToLong(d -> d.isFixed() ? d.size() : 2).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteDifferenceCases")
    void ruleMatchesFiniteDifferences(String name, GradientCheck check) throws Exception {
        double error = check.maxRelativeError();
        largestError = Math.max(largestError, error);
        assertTrue(error < GradientCheck.TOLERANCE, name + ": relative error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void float32RuleMatchesJavaReference(String name, GradientCheck check, GradientCheck.Reference reference)
            throws Exception {
        double error = check.maxRelativeErrorAgainst(reference);
        largestFloatError = Math.max(largestFloatError, error);
        assertTrue(error < GradientCheck.FLOAT_TOLERANCE, name + ": relative error " + error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteDifferenceCases")
    void float32GradientAgreesWithFloat64(String name, GradientCheck check) throws Exception {
        GradientCheck.Run exact = check.analytic();
        GradientCheck.Run single = check.in(DType.FLOAT).analytic();
        for (int i = 0; i < exact.inputs().size(); i++) {
            double error = GradientCheck.relativeError(exact.grad(i), single.grad(i));
            assertTrue(error < 1e-5, name + ", input " + i + ": float32 and float64 differ by " + error);
        }
    }

    /** Every checked rule once: the finite-difference cases and the reference cases. */
    static Stream<Arguments> everyCase() {
        return Stream.concat(finiteDifferenceCases(), referenceCases().map(a -> Arguments.of(a.get()[0], a.get()[1])));
    }

    /** Runs where a CUDA GPU and onnxruntime_gpu are present (bench/gpu-check.sh). */
    @Tag("cuda")
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCase")
    void float32GradientOnCudaAgreesWithTheCpu(String name, GradientCheck check) throws Exception {
        GradientCheck.Run cpu = check.in(DType.FLOAT).analytic();
        GradientCheck.Run cuda = check.on(new ExecutionSettings(Device.parse("cuda"), 0)).analytic();
        for (int i = 0; i < cpu.inputs().size(); i++) {
            double error = GradientCheck.relativeError(cpu.grad(i), cuda.grad(i));
            assertTrue(error < 1e-5, name + ", input " + i + ": CUDA and CPU differ by " + error);
        }
    }

    private static GradientCheck dropout() {
        return GradientCheck.of((b, x) -> {
            List<Value> outAndMask = b.dropout(x.get(0), 0.5, 7);
            b.output(outAndMask.get(1), "mask");
            return outAndMask.get(0);
        }).input(Shape.batchOf(8), 4, 8);
    }

    @Test
    void dropoutGradientUsesTheMaskOfTheSameRun() throws Exception {
        GradientCheck.Run run = dropout().analytic();
        byte[] mask = new byte[(int) run.outputs().get("mask").elementCount()];
        run.outputs().get("mask").bytes().get(mask);
        double[] expected = new double[mask.length];
        int kept = 0;
        for (int i = 0; i < mask.length; i++) {
            expected[i] = mask[i] != 0 ? run.r()[i] * 2 : 0;
            kept += mask[i];
        }
        assertTrue(kept > 0 && kept < mask.length, "the mask should keep some entries and drop others: " + kept);
        assertArrayEquals(expected, run.grad(0), 1e-15);
    }

    @Test
    void everyRegisteredOperatorIsChecked() {
        Set<String> covered = new TreeSet<>();
        finiteDifferenceCases().forEach(a -> covered.addAll(((GradientCheck) a.get()[1]).forwardOperators()));
        covered.addAll(dropout().forwardOperators());
        referenceCases().forEach(a -> covered.addAll(((GradientCheck) a.get()[1]).forwardOperators()));
        Set<String> missing = new TreeSet<>(GradientRegistry.standard().operators());
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "operators with a rule but no gradient check");
    }

    @AfterAll
    static void reportLargestError() {
        System.out.printf("Largest relative error of a gradient rule against finite differences: %.3g%n", largestError);
        System.out.printf("Largest relative error of a float32 rule against a Java reference: %.3g%n", largestFloatError);
    }
}
