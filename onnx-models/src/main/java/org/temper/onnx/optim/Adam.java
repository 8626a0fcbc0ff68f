package org.temper.onnx.optim;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015) and AdamW (Loshchilov &amp; Hutter 2019) with the semantics of PyTorch's
 * {@code torch.optim.Adam} and {@code AdamW} (without amsgrad). At the 1-based step t:
 * <pre>
 * L2 (Adam):        g = grad + weightDecay w
 * DECOUPLED (AdamW): w = w (1 - lr weightDecay), g = grad
 * m = beta1 m + (1 - beta1) g,  v = beta2 v + (1 - beta2) g^2
 * w = w - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * so eps is added after the square root of the bias-corrected second moment. The state is [m, v].
 */
public final class Adam implements Optimizer {

    /** How weight decay enters the update. */
    public enum WeightDecay {
        /** Added to the gradient as an L2 penalty, so it passes through the moments (Adam). */
        L2,
        /** Applied to the weights directly, scaled by the learning rate only (AdamW). */
        DECOUPLED
    }

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final WeightDecay decay;

    /**
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param epsilon added to the denominator, &gt; 0
     * @param weightDecay weight decay coefficient, &gt;= 0
     * @param decay how the weight decay is applied
     */
    public Adam(double beta1, double beta2, double epsilon, double weightDecay, WeightDecay decay) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("Adam beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Weight decay must be >= 0, got " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decay = decay;
    }

    /** @return Adam with PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static Adam adam() {
        return new Adam(0.9, 0.999, 1e-8, 0, WeightDecay.L2);
    }

    /**
     * @param weightDecay decoupled weight decay (PyTorch's default is 0.01)
     * @return AdamW with betas (0.9, 0.999) and eps 1e-8
     */
    public static Adam adamW(double weightDecay) {
        return new Adam(0.9, 0.999, 1e-8, weightDecay, WeightDecay.DECOUPLED);
    }

    @Override
    public List<TensorData> initialState(TensorData parameter) {
        return List.of(ZeroState.like(parameter), ZeroState.like(parameter));
    }

    @Override
    public ParameterUpdate update(GraphBuilder b, UpdateInputs in) {
        Value w = in.parameter();
        DType t = w.dtype();
        Value lr = in.learningRate();
        Value g = in.gradient();
        if (weightDecay != 0 && decay == WeightDecay.L2) {
            g = b.add(g, b.mul(w, b.scalar(weightDecay, t)));
        }
        if (weightDecay != 0 && decay == WeightDecay.DECOUPLED) {
            w = b.mul(w, b.sub(b.scalar(1, t), b.mul(lr, b.scalar(weightDecay, t))));
        }
        Value m = b.add(b.mul(in.state().get(0), b.scalar(beta1, t)), b.mul(g, b.scalar(1 - beta1, t)));
        Value v = b.add(b.mul(in.state().get(1), b.scalar(beta2, t)), b.mul(b.mul(g, g), b.scalar(1 - beta2, t)));
        Value one = b.scalar(1, t);
        Value correction1 = b.sub(one, b.pow(b.scalar(beta1, t), in.step()));
        Value correction2 = b.sub(one, b.pow(b.scalar(beta2, t), in.step()));
        Value denominator = b.add(b.div(b.sqrt(v), b.sqrt(correction2)), b.scalar(epsilon, t));
        Value stepSize = b.div(lr, correction1);
        Value next = b.sub(w, b.mul(stepSize, b.div(m, denominator)));
        return new ParameterUpdate(next, List.of(m, v));
    }

    @Override
    public String describe() {
        return (decay == WeightDecay.DECOUPLED ? "adamw" : "adam") + " beta1=" + beta1 + " beta2=" + beta2
                + " eps=" + epsilon + " weightDecay=" + weightDecay;
    }
}
