package org.temper.onnx.optim;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping by the global norm over all gradients, in the form of PyTorch's
 * {@code clip_grad_norm_}: with n = sqrt(sum over every gradient entry of g^2), every gradient is
 * multiplied by min(1, maxNorm / (n + 1e-6)). Gradients whose global norm is within maxNorm (up to
 * the 1e-6) are left unchanged; the direction of the whole gradient is always kept.
 */
public final class GlobalNormClipping {

    /**
     * The clipped gradients and the norm before clipping.
     * @param gradients the scaled gradients, in the order given
     * @param norm scalar global norm of the gradients before clipping
     */
    public record Clipped(List<Value> gradients, Value norm) {
    }

    private final double maxNorm;

    /** @param maxNorm the largest global norm let through, &gt; 0 */
    public GlobalNormClipping(double maxNorm) {
        if (!(maxNorm > 0 && Double.isFinite(maxNorm))) {
            throw new IllegalArgumentException("Gradient clipping maxNorm must be > 0 and finite, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /**
     * @param b the training step's builder
     * @param gradients every parameter's gradient, all of one element type
     * @return the gradients scaled by a common factor, and their global norm
     */
    public Clipped clip(GraphBuilder b, List<Value> gradients) {
        DType t = gradients.get(0).dtype();
        Value sumOfSquares = null;
        for (Value g : gradients) {
            Value s = b.reduceSumSquare(g, false);
            sumOfSquares = sumOfSquares == null ? s : b.add(sumOfSquares, s);
        }
        Value norm = b.sqrt(sumOfSquares);
        Value scale = b.min(b.scalar(1, t), b.div(b.scalar(maxNorm, t), b.add(norm, b.scalar(1e-6, t))));
        List<Value> clipped = new ArrayList<>(gradients.size());
        for (Value g : gradients) {
            clipped.add(b.mul(g, scale));
        }
        return new Clipped(clipped, norm);
    }

    /** @return the setting, for descriptions. */
    public String describe() {
        return "clip global norm " + maxNorm;
    }
}
