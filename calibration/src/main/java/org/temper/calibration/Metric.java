package org.temper.calibration;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The calibration and accuracy metrics a {@link CalibrationReport} holds. Each has a stable
 * {@link #key()} for JSON and a {@link #label()} for people; smaller is better except for
 * accuracy, and mean confidence is descriptive.
 */
public enum Metric {
    /** Expected calibration error over equal-width bins: sum_b (n_b / N) |acc_b - conf_b|. */
    ECE("ece", "ECE (equal-width bins)"),
    /** The same over equal-mass bins (examples sorted by confidence, split into B equal counts). */
    ADAPTIVE_ECE("adaptive_ece", "adaptive ECE (equal-mass bins)"),
    /** Maximum calibration error: max_b |acc_b - conf_b| over non-empty equal-width bins. */
    MCE("mce", "MCE (equal-width bins)"),
    /** Classwise ECE: the one-vs-rest equal-width ECE of each class's probability, averaged over classes. */
    CLASSWISE_ECE("classwise_ece", "classwise ECE (equal-width bins)"),
    /** RMS calibration error: sqrt(sum_b (n_b / N) (acc_b - conf_b)^2) over equal-width bins. */
    RMS_CALIBRATION_ERROR("rms_calibration_error", "RMS calibration error (equal-width bins)"),
    /** Brier score: mean over examples of sum_k (p_k - y_k)^2 (summed over all K classes, not divided by K). */
    BRIER("brier", "Brier score"),
    /** Negative log-likelihood: mean of -ln p_y. */
    NLL("nll", "NLL"),
    /** Fraction of examples whose most probable class is the label. */
    ACCURACY("accuracy", "accuracy"),
    /** Mean over examples of the largest class probability. */
    MEAN_CONFIDENCE("mean_confidence", "mean confidence");

    private final String key;
    private final String label;

    Metric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** @return the stable snake_case name used in JSON */
    public String key() {
        return key;
    }

    /**
     * @param key a metric's {@link #key()}, in any case
     * @return that metric
     * @throws IllegalArgumentException naming the key and the known keys
     */
    public static Metric fromKey(String key) {
        for (Metric m : values()) {
            if (m.key.equalsIgnoreCase(key.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "': choose from "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
    }

    /** @return the name shown to people */
    public String label() {
        return label;
    }
}
