package org.temper.calibration;

/**
 * The top-label Kolmogorov-Smirnov calibration error of Gupta et al. 2021: examples sorted by
 * confidence, the largest |(1/N) sum_{j &lt;= i} (conf_j - acc_j)| over prefixes i. Prefixes end
 * only where the confidence changes (and at the last example), so that the order of examples of
 * equal confidence cannot matter; with distinct confidences this is every prefix, as in their code.
 */
final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {
    }

    /**
     * @param sortedKeys one {@link EqualMassBins#key} per example, sorted
     * @return the KS calibration error, in [0, 1]
     */
    static double error(long[] sortedKeys) {
        int n = sortedKeys.length;
        double sum = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double conf = EqualMassBins.confidence(sortedKeys[i]);
            sum += conf - (sortedKeys[i] & 1);
            if (i == n - 1 || EqualMassBins.confidence(sortedKeys[i + 1]) != conf) {
                max = Math.max(max, Math.abs(sum) / n);
            }
        }
        return max;
    }
}
