package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.Arrays;
import java.util.List;

/** Gradient rules of Gemm and MatMul. */
final class LinearRules {

    private LinearRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Gemm", LinearRules::gemm);
        r.register("MatMul", LinearRules::matMul);
    }

    /**
     * Y = alpha * op(A) op(B) + beta * C. With A' = op(A), B' = op(B): dA' = alpha dY B'^T and
     * dB' = alpha A'^T dY, transposed back where the forward node transposed; dC = beta dY summed
     * over C's broadcast axes.
     */
    private static List<Value> gemm(GradientContext ctx, Node node, List<Value> outGrads) {
        GraphBuilder b = ctx.builder();
        Value a = node.input(0);
        Value bm = node.input(1);
        Value c = node.input(2);
        boolean ta = node.intAttr("transA", 0) == 1;
        boolean tb = node.intAttr("transB", 0) == 1;
        Value dy = outGrads.get(0);
        Value scaled = scaled(b, dy, ctx.floatAttr(node, "alpha", 1.0));
        Value da = null;
        if (ctx.needsGradient(a)) {
            da = ta ? b.gemm(bm, scaled, null, tb, true) : b.gemm(scaled, bm, null, false, !tb);
        }
        Value db = null;
        if (ctx.needsGradient(bm)) {
            db = tb ? b.gemm(scaled, a, null, true, ta) : b.gemm(a, scaled, null, !ta, false);
        }
        Value dc = null;
        if (ctx.needsGradient(c)) {
            dc = ctx.unbroadcast(scaled(b, dy, ctx.floatAttr(node, "beta", 1.0)), c);
        }
        return Arrays.asList(da, db, dc);
    }

    private static Value scaled(GraphBuilder b, Value v, double factor) {
        return factor == 1.0 ? v : b.mul(v, b.scalar(factor, v.dtype()));
    }

    /**
     * Y = A @ B for operands of rank 2 or more, leading (batch) dimensions broadcast:
     * dA = dY @ B^T and dB = A^T @ dY (transposing the last two axes), each summed over the batch
     * axes along which its operand was broadcast.
     */
    private static List<Value> matMul(GradientContext ctx, Node node, List<Value> outGrads) {
        GraphBuilder b = ctx.builder();
        Value a = node.input(0);
        Value bm = node.input(1);
        if (a.shape().rank() < 2 || bm.shape().rank() < 2) {
            throw new IllegalArgumentException("MatMul node '" + node.name() + "': the gradient rule needs operands of"
                    + " rank 2 or more, got " + a + " and " + bm + "; reshape a vector to a matrix first");
        }
        Value dy = outGrads.get(0);
        Value da = ctx.needsGradient(a) ? ctx.unbroadcast(b.matMul(dy, swapLastAxes(b, bm)), a) : null;
        Value db = ctx.needsGradient(bm) ? ctx.unbroadcast(b.matMul(swapLastAxes(b, a), dy), bm) : null;
        return Arrays.asList(da, db);
    }

    private static Value swapLastAxes(GraphBuilder b, Value x) {
        int rank = x.shape().rank();
        long[] perm = new long[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[rank - 2] = rank - 1;
        perm[rank - 1] = rank - 2;
        return b.transpose(x, perm);
    }
}
