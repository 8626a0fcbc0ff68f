package org.temper.calibration;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The calibration and accuracy metrics a {@link CalibrationReport} holds. Each has a stable
 * {@link #key()} for JSON and a {@link #label()} for people; smaller is better except for
 * accuracy, and mean confidence is descriptive.
 *
 * <p>"Top-label" metrics judge the confidence max_k p_k against whether the predicted class is
 * right; "classwise" ones judge each p_k against y = k; {@link #POSITIVE_CLASS_ECE} judges p_1
 * of a binary problem against y = 1. The default {@link #ECE} is top-label for every K.
 */
public enum Metric {
    /**
     * Top-label expected calibration error over equal-width bins: sum_b (n_b / N) |acc_b - conf_b|
     * with conf = max_k p_k and acc = whether the arg max is the label. For K = 2 this is the
     * top-label ECE too (conf = max(p, 1 - p)); {@link #POSITIVE_CLASS_ECE} is the other binary form.
     */
    ECE("ece", "ECE (top-label, equal-width bins)"),
    /** Top-label ECE over equal-mass bins (examples sorted by confidence, split into B equal counts). */
    ADAPTIVE_ECE("adaptive_ece", "adaptive ECE (top-label, equal-mass bins)"),
    /** Maximum calibration error: max_b |acc_b - conf_b| over non-empty top-label equal-width bins. */
    MCE("mce", "MCE (top-label, equal-width bins)"),
    /**
     * Classwise ECE: the one-vs-rest equal-width ECE of each class's probability p_k against
     * y = k, averaged over the K classes. This measures classwise (marginal) calibration, one
     * class at a time; canonical calibration (of the whole vector p) is not estimated here.
     */
    CLASSWISE_ECE("classwise_ece", "classwise ECE (equal-width bins)"),
    /**
     * Positive-class ECE of a binary problem: the equal-width ECE of p_1 against y = 1 (the
     * reliability curve of scikit-learn's {@code calibration_curve}); the classwise table of class 1.
     * NaN unless K = 2.
     */
    POSITIVE_CLASS_ECE("positive_class_ece", "positive-class ECE (K = 2, equal-width)"),
    /** RMS calibration error: sqrt(sum_b (n_b / N) (acc_b - conf_b)^2) over top-label equal-width bins. */
    RMS_CALIBRATION_ERROR("rms_calibration_error", "RMS calibration error (equal-width bins)"),
    /**
     * Debiased l2 calibration error (Kumar, Liang and Ma 2019, their {@code unbiased_l2_ce}) over
     * top-label equal-mass bins: sqrt(max(0, sum_b (n_b / N) ((acc_b - conf_b)^2
     * - acc_b (1 - acc_b) / (n_b - 1)))), bins with n_b &lt; 2 adding 0.
     */
    DEBIASED_L2_CALIBRATION_ERROR("debiased_l2_calibration_error", "debiased l2 calibration error (equal-mass)"),
    /**
     * Smooth ECE (Blasiok and Nakkiran 2023), top-label: the residuals conf - acc smoothed by a
     * reflected Gaussian kernel whose width sigma is the fixed point sigma = smECE_sigma, exactly as
     * {@code relplot.smECE} (see {@code docs/recalibration.md}).
     */
    SMOOTH_ECE("smooth_ece", "smooth ECE (top-label, relplot)"),
    /**
     * Kolmogorov-Smirnov calibration error (Gupta et al. 2021), top-label: with examples sorted by
     * confidence, max over prefixes of |(1/N) sum (conf_i - acc_i)|, taken at the end of each run of
     * equal confidences.
     */
    KS_CALIBRATION_ERROR("ks_calibration_error", "KS calibration error (top-label)"),
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
