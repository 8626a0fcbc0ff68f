package org.temper.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The chosen metrics and bin tables of one (possibly resampled) set of examples. */
final class Measurement {

    final Map<Metric, Double> values;
    final BinTable equalWidth;
    /** Null unless a metric of the sorted confidences was chosen ({@link #needsSortedKeys}). */
    final BinTable equalMass;
    /** Empty unless classwise ECE, or positive-class ECE with K = 2, was chosen ({@link #needsPerClass}). */
    final List<BinTable> classwise;

    private Measurement(Map<Metric, Double> values, BinTable equalWidth, BinTable equalMass,
                        List<BinTable> classwise) {
        this.values = values;
        this.equalWidth = equalWidth;
        this.equalMass = equalMass;
        this.classwise = classwise;
    }

    /**
     * @param settings the chosen metrics
     * @return whether they need every example's {@link EqualMassBins#key}, sorted: adaptive ECE,
     *         the debiased l2 calibration error, smooth ECE and the KS calibration error do
     */
    static boolean needsSortedKeys(CalibrationSettings settings) {
        return settings.includes(Metric.ADAPTIVE_ECE) || settings.includes(Metric.DEBIASED_L2_CALIBRATION_ERROR)
                || settings.includes(Metric.SMOOTH_ECE) || settings.includes(Metric.KS_CALIBRATION_ERROR);
    }

    /**
     * @param settings the chosen metrics
     * @param classes K
     * @return whether the row pass must bin every class probability
     */
    static boolean needsPerClass(CalibrationSettings settings, int classes) {
        return settings.includes(Metric.CLASSWISE_ECE) || (classes == 2 && settings.includes(Metric.POSITIVE_CLASS_ECE));
    }

    /**
     * @param pass the sums of a row pass
     * @param sortedKeys the sorted equal-mass keys of the same examples, or null unless
     *                   {@link #needsSortedKeys}
     * @param settings which metrics to keep
     * @return the measurement
     */
    static Measurement of(RowPass pass, long[] sortedKeys, CalibrationSettings settings) {
        BinTable equalWidth = pass.topLabel.toTable(pass.edges);
        BinTable equalMass = sortedKeys == null ? null : EqualMassBins.table(sortedKeys, settings.bins());
        List<BinTable> classwise = new ArrayList<>();
        double classwiseEce = 0;
        if (pass.perClass != null) {
            for (BinSums sums : pass.perClass) {
                BinTable table = sums.toTable(pass.edges);
                classwise.add(table);
                classwiseEce += table.ece();
            }
            classwiseEce /= pass.perClass.length;
        }
        double n = pass.count;
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : settings.metrics()) {
            values.put(metric, switch (metric) {
                case ECE -> equalWidth.ece();
                case ADAPTIVE_ECE -> equalMass.ece();
                case MCE -> equalWidth.mce();
                case CLASSWISE_ECE -> classwiseEce;
                case POSITIVE_CLASS_ECE -> pass.perClass == null || pass.perClass.length != 2 ? Double.NaN
                        : classwise.get(1).ece();
                case RMS_CALIBRATION_ERROR -> equalWidth.rmsCalibrationError();
                case DEBIASED_L2_CALIBRATION_ERROR -> equalMass.debiasedL2CalibrationError();
                case SMOOTH_ECE -> SmoothEce.of(sortedKeys);
                case KS_CALIBRATION_ERROR -> KolmogorovSmirnov.error(sortedKeys);
                case BRIER -> pass.brier / n;
                case NLL -> pass.nll / n;
                case ACCURACY -> pass.correct / n;
                case MEAN_CONFIDENCE -> pass.confidence / n;
            });
        }
        return new Measurement(Collections.unmodifiableMap(values), equalWidth, equalMass,
                List.copyOf(classwise));
    }
}
