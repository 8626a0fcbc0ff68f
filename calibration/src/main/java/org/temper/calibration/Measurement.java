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
    /** Null unless adaptive ECE was chosen. */
    final BinTable equalMass;
    /** Empty unless classwise ECE was chosen. */
    final List<BinTable> classwise;

    private Measurement(Map<Metric, Double> values, BinTable equalWidth, BinTable equalMass,
                        List<BinTable> classwise) {
        this.values = values;
        this.equalWidth = equalWidth;
        this.equalMass = equalMass;
        this.classwise = classwise;
    }

    /**
     * @param pass the sums of a row pass
     * @param sortedKeys the sorted equal-mass keys of the same examples, or null without adaptive ECE
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
                case RMS_CALIBRATION_ERROR -> equalWidth.rmsCalibrationError();
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
