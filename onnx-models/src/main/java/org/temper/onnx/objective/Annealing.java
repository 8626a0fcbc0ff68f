package org.temper.onnx.objective;

/**
 * How a penalty weight grows over training, as a factor in [0, 1] of its full value. Progress is
 * step / (totalSteps - 1), so the first step has progress 0 and the last step progress 1 (a run of
 * one step has progress 1); steps past the end stay at 1.
 * <ul>
 * <li>constant: 1 throughout;</li>
 * <li>linear: the progress itself, 0 at the first step and 1 at the last;</li>
 * <li>exponential with rate r &gt; 0: (1 - exp(-r progress)) / (1 - exp(-r)), which also runs from 0
 * to 1 but rises early (fast for large r) and tends to linear as r goes to 0.</li>
 * </ul>
 */
public final class Annealing {

    private enum Form { CONSTANT, LINEAR, EXPONENTIAL }

    private final Form form;
    private final double rate;

    private Annealing(Form form, double rate) {
        this.form = form;
        this.rate = rate;
    }

    /** @return the full weight from the first step. */
    public static Annealing constant() {
        return new Annealing(Form.CONSTANT, 0);
    }

    /** @return a weight growing linearly from 0 at the first step to full at the last. */
    public static Annealing linear() {
        return new Annealing(Form.LINEAR, 0);
    }

    /**
     * @param rate r &gt; 0: how early the weight approaches its full value
     * @return a weight growing as (1 - exp(-r progress)) / (1 - exp(-r))
     */
    public static Annealing exponential(double rate) {
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("Exponential annealing rate must be > 0 and finite, got " + rate);
        }
        return new Annealing(Form.EXPONENTIAL, rate);
    }

    /**
     * @param step the 0-based global step
     * @param totalSteps the number of steps in the whole run, &gt;= 1
     * @return the factor in [0, 1] at that step
     */
    public double factor(long step, long totalSteps) {
        if (step < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("Annealing needs step >= 0 and totalSteps >= 1, got step " + step
                    + " of " + totalSteps);
        }
        double progress = totalSteps == 1 ? 1 : Math.min(1, step / (double) (totalSteps - 1));
        return switch (form) {
            case CONSTANT -> 1;
            case LINEAR -> progress;
            case EXPONENTIAL -> Math.expm1(-rate * progress) / Math.expm1(-rate);
        };
    }

    /** @return the form and rate, for descriptions. */
    public String describe() {
        return form == Form.EXPONENTIAL ? "exponential rate=" + rate : form.name().toLowerCase();
    }
}
