package org.temper.onnx.autodiff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.autodiff.GradientCheck.Sampling;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.Value;

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
 * the float64 ones. ONNX Runtime 1.29's CPU provider has float64 kernels for every operator here,
 * LeakyRelu and Dropout included. Dropout is checked differently: its mask is random on every
 * run, so the mask and the gradient come from one run of one session and the gradient is
 * compared with R * mask / (1 - ratio).
 */
class GradientRulesTest {

    private static double largestError;

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
    @MethodSource("finiteDifferenceCases")
    void float32GradientAgreesWithFloat64(String name, GradientCheck check) throws Exception {
        GradientCheck.Run exact = check.analytic();
        GradientCheck.Run single = check.in(DType.FLOAT).analytic();
        for (int i = 0; i < exact.inputs().size(); i++) {
            double error = GradientCheck.relativeError(exact.grad(i), single.grad(i));
            assertTrue(error < 1e-5, name + ", input " + i + ": float32 and float64 differ by " + error);
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
        Set<String> missing = new TreeSet<>(GradientRegistry.standard().operators());
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "operators with a rule but no gradient check");
    }

    @AfterAll
    static void reportLargestError() {
        System.out.printf("Largest relative error of a gradient rule against finite differences: %.3g%n", largestError);
    }
}
