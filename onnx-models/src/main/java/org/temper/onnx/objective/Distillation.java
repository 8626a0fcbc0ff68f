package org.temper.onnx.objective;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Value;

/**
 * Knowledge distillation from a teacher's logits t (Hinton, Vinyals &amp; Dean 2015):
 * L = (1 - b) CE(y, softmax(z)) + b S, per example and averaged over the batch, where the soft
 * term S is one of:
 * <ul>
 * <li>{@link SoftTerm#SOFT_CROSS_ENTROPY} (Hinton's): S = T^2 CE(softmax(t/T), softmax(z/T)), with
 * gradient T (softmax(z/T) - softmax(t/T)). This is the soft-target cross-entropy, not the KL
 * divergence: the two differ by T^2 times the teacher's entropy H(softmax(t/T)), a constant in z,
 * so the gradients agree and only the reported loss is higher by that constant. The T^2 keeps the
 * gradient's scale roughly unchanged as T changes.</li>
 * <li>{@link SoftTerm#MSE_LOGITS}: half the mean squared error between student and teacher logits,
 * S = (1 / 2K) sum_k (z_k - t_k)^2, gradient (z - t) / K; its batch mean is
 * {@code 0.5 * mse_loss(z, t)} with PyTorch's mean over all B K entries. The replication describes
 * this for its fully connected nets (with b = 0.6); T plays no part.</li>
 * <li>{@link SoftTerm#MSE_SOFTENED_PROBABILITIES}: the same half mean squared error with the
 * teacher's softened probabilities softmax(t/T) as the target of the student's logits, which is
 * what the replication's code actually computes.</li>
 * </ul>
 */
public final class Distillation implements ExampleObjective {

    /** The soft term of the objective. */
    public enum SoftTerm {
        /** T^2 CE(softmax(t/T), softmax(z/T)). */
        SOFT_CROSS_ENTROPY,
        /** Half the mean squared error between student logits and teacher logits. */
        MSE_LOGITS,
        /** Half the mean squared error between student logits and softmax(t/T). */
        MSE_SOFTENED_PROBABILITIES
    }

    private final SoftTerm softTerm;
    private final double temperature;
    private final double softWeight;

    /**
     * @param softTerm the soft term
     * @param temperature T &gt; 0 (ignored by {@link SoftTerm#MSE_LOGITS})
     * @param softWeight b in [0, 1], the weight of the soft term
     */
    public Distillation(SoftTerm softTerm, double temperature, double softWeight) {
        if (!(temperature > 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("Distillation temperature T must be > 0 and finite, got " + temperature);
        }
        if (!(softWeight >= 0 && softWeight <= 1)) {
            throw new IllegalArgumentException("Distillation soft-term weight b must be in [0, 1], got " + softWeight);
        }
        this.softTerm = softTerm;
        this.temperature = temperature;
        this.softWeight = softWeight;
    }

    /**
     * @param temperature T &gt; 0
     * @param softWeight b in [0, 1]
     * @return Hinton's distillation with the T^2-scaled soft cross-entropy
     */
    public static Distillation softCrossEntropy(double temperature, double softWeight) {
        return new Distillation(SoftTerm.SOFT_CROSS_ENTROPY, temperature, softWeight);
    }

    /**
     * @param softWeight b in [0, 1]; the replication used 0.6
     * @return distillation by half the mean squared error between student and teacher logits
     */
    public static Distillation mseOnLogits(double softWeight) {
        return new Distillation(SoftTerm.MSE_LOGITS, 1, softWeight);
    }

    /**
     * @param temperature T &gt; 0
     * @param softWeight b in [0, 1]
     * @return distillation by half the mean squared error between student logits and softmax(t/T)
     */
    public static Distillation mseOnSoftenedProbabilities(double temperature, double softWeight) {
        return new Distillation(SoftTerm.MSE_SOFTENED_PROBABILITIES, temperature, softWeight);
    }

    @Override
    public boolean needsTeacher() {
        return true;
    }

    @Override
    public ExampleLosses perExample(GraphBuilder b, ObjectiveInputs in) {
        Value z = in.logits();
        Value teacher = in.teacherLogits();
        if (teacher == null) {
            throw new IllegalArgumentException(
                    "Distillation needs the teacher's logits in ObjectiveInputs.teacherLogits");
        }
        DType t = z.dtype();
        ExampleLosses hard = LabelSmoothing.hardTargets().perExample(b, in);
        ExampleLosses soft = switch (softTerm) {
            case SOFT_CROSS_ENTROPY -> {
                Value temp = b.scalar(temperature, t);
                ExampleLosses atT = SoftTargets.crossEntropy(b, b.softmax(b.div(teacher, temp), -1),
                        b.logSoftmax(b.div(z, temp), -1));
                // d/dz = (1/T) d/d(z/T): the loss scales by T^2, its gradient by T
                yield new ExampleLosses(b.mul(atT.losses(), b.scalar(temperature * temperature, t)),
                        b.mul(atT.logitGradients(), temp));
            }
            case MSE_LOGITS -> halfMeanSquaredError(b, z, teacher, in.numClasses());
            case MSE_SOFTENED_PROBABILITIES -> halfMeanSquaredError(b, z,
                    b.softmax(b.div(teacher, b.scalar(temperature, t)), -1), in.numClasses());
        };
        return hard.scale(b, b.scalar(1 - softWeight, t)).plus(b, soft.scale(b, b.scalar(softWeight, t)));
    }

    private static ExampleLosses halfMeanSquaredError(GraphBuilder b, Value z, Value target, int k) {
        Value diff = b.sub(z, target);
        Value losses = b.div(b.reduceSumSquare(diff, false, 1), b.scalar(2.0 * k, z.dtype()));
        return new ExampleLosses(losses, b.div(diff, b.scalar(k, z.dtype())));
    }

    @Override
    public String describe() {
        return "distillation " + softTerm.name().toLowerCase() + " b=" + softWeight
                + (softTerm == SoftTerm.MSE_LOGITS ? "" : " T=" + temperature);
    }
}
