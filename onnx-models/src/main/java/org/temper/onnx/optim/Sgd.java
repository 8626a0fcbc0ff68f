package org.temper.onnx.optim;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.List;

/**
 * Stochastic gradient descent with the semantics of PyTorch's {@code torch.optim.SGD}:
 * g = grad + weightDecay * w; with momentum m, the buffer is v = g on the first step and
 * v = m v + (1 - dampening) g afterwards; the step direction is g + m v with Nesterov, else v;
 * w = w - lr * direction.
 */
public final class Sgd implements Optimizer {

    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;

    /**
     * @param momentum momentum factor in [0, 1)
     * @param dampening dampening of the gradient in the momentum buffer, in [0, 1]
     * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0 and dampening 0)
     * @param weightDecay L2 penalty coefficient, &gt;= 0
     */
    public Sgd(double momentum, double dampening, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("SGD momentum must be in [0, 1), got " + momentum);
        }
        if (!(dampening >= 0 && dampening <= 1)) {
            throw new IllegalArgumentException("SGD dampening must be in [0, 1], got " + dampening);
        }
        if (nesterov && (momentum == 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0 and dampening 0");
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Weight decay must be >= 0, got " + weightDecay);
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /** @return plain SGD without momentum or weight decay. */
    public static Sgd plain() {
        return new Sgd(0, 0, false, 0);
    }

    /**
     * @param momentum momentum factor
     * @return SGD with classical momentum
     */
    public static Sgd withMomentum(double momentum) {
        return new Sgd(momentum, 0, false, 0);
    }

    @Override
    public List<TensorData> initialState(TensorData parameter) {
        if (momentum == 0) {
            return List.of();
        }
        return List.of(ZeroState.like(parameter));
    }

    @Override
    public ParameterUpdate update(GraphBuilder b, UpdateInputs in) {
        Value w = in.parameter();
        DType t = w.dtype();
        Value g = in.gradient();
        if (weightDecay != 0) {
            g = b.add(g, b.mul(w, b.scalar(weightDecay, t)));
        }
        if (momentum == 0) {
            return new ParameterUpdate(b.sub(w, b.mul(in.learningRate(), g)), List.of());
        }
        // The buffer starts at zero, so m v + g is exactly g on the first step; only the dampening
        // factor depends on the step, and it is a scalar: no extra pass over the parameters.
        Value v = in.state().get(0);
        Value dampedGradient = g;
        if (dampening != 0) {
            Value first = b.equal(in.step(), b.scalar(1, t));
            dampedGradient = b.mul(g, b.where(first, b.scalar(1, t), b.scalar(1 - dampening, t)));
        }
        Value buffer = b.add(b.mul(v, b.scalar(momentum, t)), dampedGradient);
        Value direction = nesterov ? b.add(g, b.mul(buffer, b.scalar(momentum, t))) : buffer;
        return new ParameterUpdate(b.sub(w, b.mul(in.learningRate(), direction)), List.of(buffer));
    }

    @Override
    public String describe() {
        return "sgd momentum=" + momentum + " dampening=" + dampening + " nesterov=" + nesterov
                + " weightDecay=" + weightDecay;
    }
}
