package org.temper.calibration;

/**
 * A classifier's outputs on N examples of K classes, with the true labels: the input of every
 * calibration measurement.
 *
 * <p>Values are held as one flat row-major array of N*K doubles (row i is example i), either
 * logits or probabilities. Logits are turned into probabilities by softmax on the fly, one row at
 * a time, so measuring never copies the input. Instances are immutable views: the factories
 * copy nothing, so callers must not modify the arrays they pass in afterwards.
 *
 * <p>Built by {@link #fromLogits}, {@link #fromProbabilities} or {@link #binary}; every factory
 * validates its input and names the first bad row in an {@link InvalidRowException}.
 */
public final class Predictions {

    /** Default tolerance on |sum of a probability row - 1|. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** Logit that {@link #logitsFromLogProbabilities()} gives a probability of zero. */
    public static final double LOG_OF_ZERO = Math.log(Double.MIN_NORMAL);

    final double[] values;
    final int[] labels;
    final int classes;
    final boolean logits;
    /** 1/T: logits are multiplied by this before softmax (1 for unscaled outputs). */
    final double inverseTemperature;

    private Predictions(double[] values, int[] labels, int classes, boolean logits,
                        double inverseTemperature) {
        this.values = values;
        this.labels = labels;
        this.classes = classes;
        this.logits = logits;
        this.inverseTemperature = inverseTemperature;
    }

    /**
     * Predictions given as logits (softmax gives the probabilities).
     * @param logits N*K finite logits, row-major
     * @param labels N true labels in [0, K)
     * @param classes K, at least 2
     * @return the predictions
     * @throws InvalidRowException naming the first row with a non-finite logit or a bad label
     */
    public static Predictions fromLogits(double[] logits, int[] labels, int classes) {
        checkShape(logits, labels, classes);
        for (int i = 0; i < labels.length; i++) {
            checkLabel(labels, i, classes);
            for (int k = 0; k < classes; k++) {
                double z = logits[i * classes + k];
                if (!Double.isFinite(z)) {
                    throw new InvalidRowException(i, "logit of class " + k + " is " + z);
                }
            }
        }
        return new Predictions(logits, labels, classes, true, 1.0);
    }

    /**
     * Predictions given as probabilities, with the {@link #DEFAULT_TOLERANCE default tolerance}.
     * @param probabilities N*K probabilities, row-major
     * @param labels N true labels in [0, K)
     * @param classes K, at least 2
     * @return the predictions
     * @throws InvalidRowException naming the first row that is not a probability distribution
     */
    public static Predictions fromProbabilities(double[] probabilities, int[] labels, int classes) {
        return fromProbabilities(probabilities, labels, classes, DEFAULT_TOLERANCE);
    }

    /**
     * Predictions given as probabilities. Each row must be non-negative and sum to 1 within
     * {@code tolerance}; rows are used as given, not renormalised.
     * @param probabilities N*K probabilities, row-major
     * @param labels N true labels in [0, K)
     * @param classes K, at least 2
     * @param tolerance the largest accepted |row sum - 1|
     * @return the predictions
     * @throws InvalidRowException naming the first row that is not a probability distribution
     */
    public static Predictions fromProbabilities(double[] probabilities, int[] labels, int classes,
                                                double tolerance) {
        checkShape(probabilities, labels, classes);
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        for (int i = 0; i < labels.length; i++) {
            checkLabel(labels, i, classes);
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double p = probabilities[i * classes + k];
                if (!(p >= 0 && p <= 1)) {
                    throw new InvalidRowException(i, "probability of class " + k + " is " + p
                            + ", not in [0, 1]");
                }
                sum += p;
            }
            if (!(Math.abs(sum - 1) <= tolerance)) {
                throw new InvalidRowException(i, "probabilities sum to " + sum
                        + ", not 1 (tolerance " + tolerance + ")");
            }
        }
        return new Predictions(probabilities, labels, classes, false, 1.0);
    }

    /**
     * A binary problem given as one probability per example, that of class 1; class 0 has
     * 1 - p. Confidence is then max(p, 1 - p), as for any two-class problem.
     * @param positive N probabilities of class 1
     * @param labels N labels, 0 or 1
     * @return two-class predictions
     * @throws InvalidRowException naming the first probability outside [0, 1] or bad label
     */
    public static Predictions binary(double[] positive, int[] labels) {
        double[] rows = new double[2 * positive.length];
        for (int i = 0; i < positive.length; i++) {
            double p = positive[i];
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidRowException(i, "probability " + p + " is not in [0, 1]");
            }
            rows[2 * i] = 1 - p;
            rows[2 * i + 1] = p;
        }
        return fromProbabilities(rows, labels, 2);
    }

    private static void checkShape(double[] values, int[] labels, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no examples");
        }
        if ((long) labels.length * classes != values.length) {
            throw new IllegalArgumentException(values.length + " values do not make "
                    + labels.length + " rows of " + classes + " classes");
        }
    }

    private static void checkLabel(int[] labels, int i, int classes) {
        if (labels[i] < 0 || labels[i] >= classes) {
            throw new InvalidRowException(i, "label " + labels[i] + " is not in [0, " + classes + ")");
        }
    }

    /**
     * Scales logits by 1/T (temperature scaling), without copying them.
     * @param temperature T &gt; 0
     * @return predictions whose probabilities are softmax(z / T)
     * @throws IllegalStateException if these predictions have no logits
     */
    public Predictions withTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        requireLogits("temperature scaling");
        return new Predictions(values, labels, classes, true, inverseTemperature / temperature);
    }

    /**
     * Takes the natural logarithm of probabilities and uses it as logits, so that temperature
     * scaling can be applied to a model that exposes only probabilities; softmax(log p) = p.
     * A probability of zero becomes log({@link Double#MIN_NORMAL}), about -708.4, so that
     * the NLL stays finite at every temperature. This copies the values.
     * @return predictions whose logits are log p
     * @throws IllegalStateException if these predictions are already logits
     */
    public Predictions logitsFromLogProbabilities() {
        if (logits) {
            throw new IllegalStateException("these predictions are already logits");
        }
        double[] log = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            log[j] = values[j] > 0 ? Math.log(values[j]) : LOG_OF_ZERO;
        }
        return new Predictions(log, labels, classes, true, 1.0);
    }

    /** @return N, the number of examples */
    public int size() {
        return labels.length;
    }

    /** @return K, the number of classes */
    public int classes() {
        return classes;
    }

    /** @return whether the values are logits (and so can be temperature-scaled) */
    public boolean hasLogits() {
        return logits;
    }

    /**
     * @param i an example
     * @return its true label
     */
    public int label(int i) {
        return labels[i];
    }

    /**
     * Copies example {@code i}'s logits, already divided by the temperature, into {@code out}.
     * @param i an example
     * @param out K doubles to fill
     * @throws IllegalStateException if these predictions have no logits
     */
    public void logits(int i, double[] out) {
        requireLogits("logits");
        for (int k = 0; k < classes; k++) {
            out[k] = inverseTemperature * values[i * classes + k];
        }
    }

    /**
     * Writes example {@code i}'s class probabilities into {@code out}.
     * @param i an example
     * @param out K doubles to fill
     */
    public void probabilities(int i, double[] out) {
        int base = i * classes;
        if (!logits) {
            System.arraycopy(values, base, out, 0, classes);
            return;
        }
        double max = values[base];
        for (int k = 1; k < classes; k++) {
            max = Math.max(max, values[base + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(inverseTemperature * (values[base + k] - max));
            sum += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= sum;
        }
    }

    private void requireLogits(String what) {
        if (!logits) {
            throw new IllegalStateException(what + " needs logits, but these predictions are "
                    + "probabilities: call logitsFromLogProbabilities() to use log p as logits");
        }
    }

    @Override
    public String toString() {
        String kind = !logits ? "probabilities"
                : inverseTemperature == 1 ? "logits" : "logits / T=" + 1 / inverseTemperature;
        return "Predictions[" + size() + " examples, " + classes + " classes, " + kind + "]";
    }
}
