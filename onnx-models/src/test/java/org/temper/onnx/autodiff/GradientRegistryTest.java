package org.temper.onnx.autodiff;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.Value;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard registry is frozen; copies extend it without reaching it. */
class GradientRegistryTest {

    /** d cos(x) = -sin(x) dx. */
    private static final GradientRule COS = UnaryRule.rule((b, x, y, dy) ->
            b.mul(dy, b.neg(b.op("Sin", List.of(x), Map.of(), List.of(x)).get(0))));

    @Test
    void theStandardRegistryIsFrozenAndTheErrorNamesTheWayOut() {
        GradientRegistry standard = GradientRegistry.standard();
        int before = standard.operators().size();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> standard.register("Cos", COS));
        assertTrue(e.getMessage().contains("frozen") && e.getMessage().contains("Cos")
                && e.getMessage().contains("GradientRegistry.standard().copy()"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> standard.register("Gemm", standard.rule("Gemm")));
        assertNull(standard.rule("Cos"));
        assertEquals(before, standard.operators().size());
        assertThrows(UnsupportedOperationException.class, () -> standard.operators().add("Cos"));
    }

    @Test
    void aCopyStartsWithEveryStandardRuleAndExtendsOnlyItself() {
        GradientRegistry copy = GradientRegistry.standard().copy();
        assertEquals(GradientRegistry.standard().operators(), copy.operators());
        assertSame(GradientRegistry.standard().rule("Gemm"), copy.rule("Gemm"));
        assertSame(copy, copy.register("Cos", COS));
        assertSame(COS, copy.rule("Cos"));
        assertTrue(copy.operators().contains("Cos"));
        assertFalse(GradientRegistry.standard().operators().contains("Cos"));
        GradientRegistry second = GradientRegistry.standard().copy();
        assertNull(second.rule("Cos"), "copies do not share their additions");
    }

    @Test
    void aDifferentiatorUsesTheRulesOfItsOwnRegistry() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", DType.FLOAT, Shape.batchOf(3));
        Value y = b.op("Cos", List.of(x), Map.of(), List.of(x)).get(0);
        Value dy = b.input("dy", y.dtype(), y.shape());
        List<Node> forward = List.copyOf(b.nodes());
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> Differentiator.standard().backward(b, forward, Map.of(y, dy), List.of(x)));
        assertTrue(e.getMessage().contains("Supported operators: " + GradientRegistry.standard().operators()),
                e.getMessage());
        Differentiator extended = new Differentiator(GradientRegistry.standard().copy().register("Cos", COS));
        assertNotNull(extended.backward(b, forward, Map.of(y, dy), List.of(x)).get(x));
    }

    @Test
    void theErrorListsTheOperatorsOfTheRegistryThatWasAsked() {
        GraphBuilder b = new GraphBuilder();
        Value x = b.input("x", DType.FLOAT, Shape.batchOf(3));
        Value y = b.relu(x);
        Value dy = b.input("dy", y.dtype(), y.shape());
        Differentiator onlyTanh = new Differentiator(new GradientRegistry()
                .register("Tanh", GradientRegistry.standard().rule("Tanh")));
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> onlyTanh.backward(b, b.nodes(), Map.of(y, dy), List.of(x)));
        assertTrue(e.getMessage().contains("Relu") && e.getMessage().contains("Supported operators: [Tanh]"),
                e.getMessage());
    }

    @Test
    void anOperatorHasAtMostOneRule() {
        GradientRegistry r = new GradientRegistry().register("Cos", COS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.register("Cos", COS));
        assertTrue(e.getMessage().contains("Cos"), e.getMessage());
        GradientRegistry copy = GradientRegistry.standard().copy();
        assertThrows(IllegalArgumentException.class, () -> copy.register("Gemm", COS));
        assertSame(GradientRegistry.standard().rule("Gemm"), copy.rule("Gemm"));
    }
}
