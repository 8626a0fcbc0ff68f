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
    }

    /**
     * Y = alpha * op(A) op(B) + beta * C. With A' = op(A), B' = op(B): dA' = dY B'^T and
     * dB' = A'^T dY, transposed back where the forward node transposed.
     */
    private static List<Value> gemm(GradientContext ctx, Node node, List<Value> outGrads) {
        GraphBuilder b = ctx.builder();
        Value a = node.input(0);
        Value bm = node.input(1);
        Value c = node.input(2);
        boolean ta = node.intAttr("transA", 0) == 1;
        boolean tb = node.intAttr("transB", 0) == 1;
        double alpha = node.floatAttr("alpha", 1.0);
        double beta = node.floatAttr("beta", 1.0);
        Value dy = outGrads.get(0);
        Value scaled = alpha == 1.0 ? dy : b.mul(dy, b.scalar(alpha, dy.dtype()));
        Value da = null;
        if (ctx.needsGradient(a)) {
            da = ta ? b.gemm(bm, scaled, null, tb, true) : b.gemm(scaled, bm, null, false, !tb);
        }
        Value db = null;
        if (ctx.needsGradient(bm)) {
            db = tb ? b.gemm(scaled, a, null, true, ta) : b.gemm(a, scaled, null, !ta, false);
        }
        Value dc = null;
        if (c != null && ctx.needsGradient(c)) {
            Value g = beta == 1.0 ? dy : b.mul(dy, b.scalar(beta, dy.dtype()));
            dc = ctx.unbroadcast(g, c);
        }
        return Arrays.asList(da, db, dc);
    }
}
