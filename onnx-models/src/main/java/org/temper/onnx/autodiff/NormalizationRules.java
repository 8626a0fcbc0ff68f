package org.temper.onnx.autodiff;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.Arrays;
import java.util.List;

/**
 * The gradient rule of BatchNormalization over [N, C, ...], in both modes. With
 * {@code training_mode} 0 (inference, running statistics as inputs) the node is an affine map
 * per channel, and every input gets its gradient, running mean and variance included. With
 * {@code training_mode} 1 the node normalizes by the batch statistics (biased variance), which
 * the rule recomputes from X; its running-statistics outputs carry no gradient.
 */
final class NormalizationRules {

    private NormalizationRules() {
    }

    static void register(GradientRegistry r) {
        r.register("BatchNormalization", NormalizationRules::batchNormalization);
    }

    private static List<Value> batchNormalization(GradientContext ctx, Node node, List<Value> g) {
        if (g.size() > 1 && g.subList(1, g.size()).stream().anyMatch(v -> v != null)) {
            throw new IllegalArgumentException("BatchNormalization node '" + node.name() + "': its running statistics"
                    + " outputs carry no gradient, yet one is on the path to the loss");
        }
        return node.intAttr("training_mode", 0) == 1 ? batchStatistics(ctx, node, g.get(0))
                : runningStatistics(ctx, node, g.get(0));
    }

    /**
     * Y = scale (X - mean) / sqrt(var + eps) + bias with mean and var given: with s = 1 / sqrt(var + eps),
     * dX = dY scale s, dScale = sum(dY (X - mean) s), dBias = sum(dY), dMean = -sum(dY) scale s and
     * dVar = -sum(dY (X - mean)) scale s^3 / 2, sums over all axes but the channels.
     */
    private static List<Value> runningStatistics(GradientContext ctx, Node node, Value dy) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        Value scale = node.input(1);
        Value inv = inverseDeviation(ctx, node, node.input(4));
        long[] axes = ConvolutionRules.allButChannels(x);
        Value centered = b.sub(x, perChannel(b, node.input(3), x));
        Value scaleInv = b.mul(scale, inv);
        Value sumDy = b.reduceSum(dy, false, axes);
        Value sumDyCentered = ctx.needsGradient(scale) || ctx.needsGradient(node.input(4))
                ? b.reduceSum(b.mul(dy, centered), false, axes) : null;
        Value dx = ctx.needsGradient(x) ? b.mul(dy, perChannel(b, scaleInv, x)) : null;
        Value dScale = ctx.needsGradient(scale) ? b.mul(sumDyCentered, inv) : null;
        Value dMean = ctx.needsGradient(node.input(3)) ? b.neg(b.mul(sumDy, scaleInv)) : null;
        Value dVar = ctx.needsGradient(node.input(4)) ? b.mul(b.mul(sumDyCentered, b.mul(scaleInv, b.mul(inv, inv))),
                b.scalar(-0.5, dy.dtype())) : null;
        return Arrays.asList(dx, dScale, sumDy, dMean, dVar);
    }

    /**
     * Y = scale Xhat + bias with Xhat = (X - mu) s, mu and s = 1 / sqrt(sigma^2 + eps) the batch
     * mean and biased variance per channel over the other axes (m entries each):
     * dX = scale s (dY - mean(dY) - Xhat mean(dY Xhat)), dScale = sum(dY Xhat), dBias = sum(dY).
     */
    private static List<Value> batchStatistics(GradientContext ctx, Node node, Value dy) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        long[] axes = ConvolutionRules.allButChannels(x);
        Value centered = b.sub(x, b.reduceMean(x, true, axes));
        Value variance = b.reduceMean(b.mul(centered, centered), false, axes);
        Value inv = inverseDeviation(ctx, node, variance);
        Value xhat = b.mul(centered, perChannel(b, inv, x));
        Value dx = null;
        if (ctx.needsGradient(x)) {
            Value meanDy = b.reduceMean(dy, true, axes);
            Value meanDyXhat = b.reduceMean(b.mul(dy, xhat), true, axes);
            dx = b.mul(perChannel(b, b.mul(node.input(1), inv), x), b.sub(b.sub(dy, meanDy), b.mul(xhat, meanDyXhat)));
        }
        Value dScale = ctx.needsGradient(node.input(1)) ? b.reduceSum(b.mul(dy, xhat), false, axes) : null;
        Value dBias = ctx.needsGradient(node.input(2)) ? b.reduceSum(dy, false, axes) : null;
        return Arrays.asList(dx, dScale, dBias, null, null);
    }

    /** @return 1 / sqrt(variance + epsilon), per channel. */
    private static Value inverseDeviation(GradientContext ctx, Node node, Value variance) {
        GraphBuilder b = ctx.builder();
        Value eps = b.scalar(ctx.floatAttr(node, "epsilon", 1e-5), variance.dtype());
        return b.div(b.scalar(1, variance.dtype()), b.sqrt(b.add(variance, eps)));
    }

    /** A [C] value as [C, 1, ...], broadcasting against x = [N, C, spatial...] (unchanged for [N, C]). */
    private static Value perChannel(GraphBuilder b, Value v, Value x) {
        int spatial = x.shape().rank() - 2;
        if (spatial == 0) {
            return v;
        }
        long[] axes = new long[spatial];
        for (int i = 0; i < spatial; i++) {
            axes[i] = 1 + i;
        }
        return b.unsqueeze(v, axes);
    }
}
