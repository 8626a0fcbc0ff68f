package org.temper.calibration;

import java.util.List;

/**
 * The per-bin table behind a binned metric, and the metrics it determines. Immutable.
 *
 * @param bins the bins in increasing confidence, empty ones included
 * @param total the number of examples over all bins
 */
public record BinTable(List<Bin> bins, long total) {

    /**
     * @param bins the bins in increasing confidence
     * @param total the number of examples over all bins
     */
    public BinTable {
        bins = List.copyOf(bins);
    }

    /** @return sum over bins of (count / total) * |gap|: the ECE of these bins */
    public double ece() {
        double sum = 0;
        for (Bin bin : bins) {
            if (!bin.isEmpty()) {
                sum += (double) bin.count() / total * Math.abs(bin.gap());
            }
        }
        return sum;
    }

    /** @return the largest |gap| over non-empty bins: the MCE of these bins */
    public double mce() {
        double max = 0;
        for (Bin bin : bins) {
            if (!bin.isEmpty()) {
                max = Math.max(max, Math.abs(bin.gap()));
            }
        }
        return max;
    }

    /** @return sqrt(sum over bins of (count / total) * gap^2): the RMS calibration error */
    public double rmsCalibrationError() {
        double sum = 0;
        for (Bin bin : bins) {
            if (!bin.isEmpty()) {
                sum += (double) bin.count() / total * bin.gap() * bin.gap();
            }
        }
        return Math.sqrt(sum);
    }
}
