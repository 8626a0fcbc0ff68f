package org.temper.weka;

import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.Optimizer;
import org.temper.onnx.optim.Sgd;

/** The update rules a Weka user chooses from. */
public enum OptimizerChoice {
    /** SGD with (optional) momentum and L2 weight decay. */
    SGD,
    /** Adam with PyTorch's defaults and L2 weight decay. */
    ADAM,
    /** AdamW: Adam with decoupled weight decay. */
    ADAMW;

    /**
     * @param momentum SGD momentum (ignored by Adam)
     * @param weightDecay weight decay
     * @return the optimizer
     */
    public Optimizer create(double momentum, double weightDecay) {
        return switch (this) {
            case SGD -> new Sgd(momentum, 0, false, weightDecay);
            case ADAM -> new Adam(0.9, 0.999, 1e-8, weightDecay, Adam.WeightDecay.L2);
            case ADAMW -> Adam.adamW(weightDecay);
        };
    }
}
