package org.temper.onnx.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins the output shapes of {@link ShapeInference} against shapes worked out by hand. */
class ShapeInferenceTest {

    /** A shape from fixed sizes (numbers), symbols (strings) and unknown dimensions ("?"). */
    private static Shape s(Object... dims) {
        List<Dim> d = new ArrayList<>();
        for (Object o : dims) {
            d.add(o instanceof Number n ? Dim.of(n.longValue()) : "?".equals(o) ? Dim.UNKNOWN : Dim.symbol((String) o));
        }
        return Shape.of(d);
    }

    private static long[] l(long... v) {
        return v;
    }

    @Test
    void broadcastAlignsFromTheRightAndStretchesOnes() {
        assertEquals(s("N", 3), ShapeInference.broadcast(s("N", 3), s(3)));
        assertEquals(s("N", 3), ShapeInference.broadcast(s(3), s("N", 3)));
        // [2, 1, 4] against [_, 3, 1]: 2 stays, 1 stretches to 3, 1 stretches to 4
        assertEquals(s(2, 3, 4), ShapeInference.broadcast(s(2, 1, 4), s(3, 1)));
        assertEquals(s(), ShapeInference.broadcast(s(), s()));
        // a symbol against a fixed size other than 1 takes the fixed size
        assertEquals(s(5), ShapeInference.broadcast(s("N"), s(5)));
        assertEquals(Shape.unknown(), ShapeInference.broadcast(Shape.unknown(), s(3)));
    }

    @Test
    void incompatibleShapesThrowNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShapeInference.broadcast(s(2, 3), s(4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    }

    @Test
    void matrixProducts() {
        assertEquals(s("N", 4), ShapeInference.gemm(s("N", 3), s(3, 4), false, false));
        assertEquals(s("N", 4), ShapeInference.gemm(s(3, "N"), s(4, 3), true, true));
        // batch [2, N] broadcast with none, then [3, 4] x [4, 5]
        assertEquals(s(2, "N", 3, 5), ShapeInference.matMul(s(2, "N", 3, 4), s(4, 5)));
        assertEquals(Shape.unknown(), ShapeInference.matMul(s(4), s(4, 5)));
    }

    @Test
    void reductionsDropOrKeepTheirAxes() {
        assertEquals(s("N", 1, 4), ShapeInference.reduce(s("N", 3, 4), true, 1));
        assertEquals(s("N", 4), ShapeInference.reduce(s("N", 3, 4), false, 1));
        assertEquals(s("N", 3), ShapeInference.reduce(s("N", 3, 4), false, -1));
        assertEquals(s(), ShapeInference.reduce(s("N", 3, 4), false));
        assertEquals(s(1, 1, 1), ShapeInference.reduce(s("N", 3, 4), true));
        assertEquals(Shape.unknown(), ShapeInference.reduce(Shape.unknown(), true, 0));
    }

    @Test
    void transposeReshapeAndFlatten() {
        assertEquals(s("N", 4, 3), ShapeInference.transpose(s("N", 3, 4), 0, 2, 1));
        assertEquals(s("N", 2, 2), ShapeInference.reshape(s("N", 4), 0, 2, 2));
        assertEquals(s(6, 4), ShapeInference.reshape(s(2, 3, 4), -1, 4));
        // N is copied, so -1 is 12 / 3
        assertEquals(s("N", 4, 3), ShapeInference.reshape(s("N", 12), 0, -1, 3));
        assertEquals(s("?"), ShapeInference.reshape(s("N", 12), -1));
        assertEquals(s("N", 12), ShapeInference.flatten(s("N", 3, 4), 1));
        assertEquals(s("?", 4), ShapeInference.flatten(s("N", 3, 4), 2));
        assertEquals(s(1, 24), ShapeInference.flatten(s(2, 3, 4), 0));
        assertEquals(s(2), ShapeInference.shapeOf(s("N", 3)));
        assertEquals(Shape.unknown(), ShapeInference.shapeOf(Shape.unknown()));
    }

    @Test
    void joiningCuttingAndIndexing() {
        assertEquals(s("N", 5), ShapeInference.concat(1, List.of(s("N", 2), s("N", 3))));
        assertEquals(s("N", "?"), ShapeInference.concat(-1, List.of(s("N", 2), s("N", "K"))));
        assertEquals(s("N", 2), ShapeInference.splitPart(s("N", 6), -1, Dim.of(2)));
        assertEquals(s("N", 2, 3), ShapeInference.slice(s("N", 5, 6), l(1, 2), l(2, 3)));
        assertEquals(s(1, 3, 4, 1), ShapeInference.unsqueeze(s(3, 4), 0, -1));
        assertEquals(s("N", 3), ShapeInference.gather(s(5, 3), s("N"), 0));
        assertEquals(s(2, 4, 2, 3), ShapeInference.gather(s(2, 5, 3), s(4, 2), 1));
        assertEquals(s("N", 10), ShapeInference.oneHot(s("N"), 10));
    }

    @Test
    void convolutionOutputForKernelStrideAndPad() {
        // floor((32 + 1 + 1 - 5) / 2) + 1 = floor(29 / 2) + 1 = 15
        assertEquals(s(1, 8, 15, 15), ShapeInference.conv(s(1, 3, 32, 32), s(8, 3, 5, 5), l(2, 2), l(1, 1, 1, 1),
                l(1, 1)));
        // "same" padding keeps 28; the batch symbol passes through
        assertEquals(s("N", 4, 28, 28), ShapeInference.conv(s("N", 1, 28, 28), s(4, 1, 3, 3), l(1, 1),
                l(1, 1, 1, 1), l(1, 1)));
        // dilation 2 spreads a 3-tap kernel over 5: 7 - 5 + 1 = 3
        assertEquals(s(1, 1, 3), ShapeInference.conv(s(1, 1, 7), s(1, 1, 3), l(1), l(0, 0), l(2)));
        assertEquals(s(1, 8, "?"), ShapeInference.conv(s(1, 3, "W"), s(8, 3, 5), l(1), l(0, 0), l(1)));
        // the adjoint of the first: 2 (15 - 1) + 1 + (5 - 1) + 1 - 1 - 1 = 32, channels 3 x group 1
        assertEquals(s(1, 3, 32, 32), ShapeInference.convTranspose(s(1, 8, 15, 15), s(8, 3, 5, 5), l(2, 2),
                l(1, 1, 1, 1), l(1, 1), l(1, 1), 1));
        assertEquals(s(1, 6, 4), ShapeInference.convTranspose(s(1, 4, 2), s(4, 3, 3), l(1), l(0, 0), l(1), l(0), 2));
    }

    @Test
    void poolingRoundsDown() {
        // floor((5 - 2) / 2) + 1 = 2 (ceil mode, which GraphBuilder never sets, would give 3)
        assertEquals(s("N", 2, 2, 2), ShapeInference.pool(s("N", 2, 5, 5), l(2, 2), l(2, 2), l(0, 0, 0, 0)));
        // end pads of 1: floor((5 + 1 - 2) / 2) + 1 = 3
        assertEquals(s("N", 2, 3, 3), ShapeInference.pool(s("N", 2, 5, 5), l(2, 2), l(2, 2), l(0, 0, 1, 1)));
        assertEquals(s(1, 2, "?"), ShapeInference.pool(s(1, 2, "L"), l(3), l(1), l(0, 0)));
        assertEquals(Dim.of(2), ShapeInference.slidingSize(Dim.of(6), Dim.of(3), 2, 0, 0, 1));
        assertEquals(s("N", "C", 1, 1), ShapeInference.globalPool(s("N", "C", 7, 7)));
    }
}
