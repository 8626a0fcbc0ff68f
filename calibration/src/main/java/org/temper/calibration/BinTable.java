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

    /**
     * The debiased l2 calibration error of Kumar, Liang and Ma 2019 ({@code unbiased_l2_ce} of
     * their {@code calibration} package): each bin's squared gap less the variance of its
     * accuracy, acc_b (1 - acc_b) / (n_b - 1), which is the squared gap's expected excess.
     * @return sqrt(max(0, sum over bins with n_b &gt;= 2 of (n_b / total) (gap_b^2 - acc_b (1 - acc_b) / (n_b - 1))))
     */
    public double debiasedL2CalibrationError() {
        double sum = 0;
        for (Bin bin : bins) {
            if (bin.count() >= 2) {
                double a = bin.accuracy();
                sum += (double) bin.count() / total * (bin.gap() * bin.gap() - a * (1 - a) / (bin.count() - 1));
            }
        }
        return Math.sqrt(Math.max(0, sum));
    }
}
