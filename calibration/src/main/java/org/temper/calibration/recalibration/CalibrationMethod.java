package org.temper.calibration.recalibration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The recalibration methods by the names the front ends use ({@code temper calibrate --method},
 * Weka's {@code -method}, Tribuo's configuration and provenance), so that a method can be chosen,
 * stored and rebuilt by name. The order is the order {@code temper calibrate --method all} runs them.
 */
public enum CalibrationMethod {
    /** {@link TemperatureCalibrator#byNll()}. */
    TEMPERATURE,
    /** {@link VectorScaling#create()}. */
    VECTOR,
    /** {@link MatrixScaling#withPenalty(double)} with the penalty lambda. */
    MATRIX,
    /** {@link DirichletCalibration#odir(double, double)} with the penalties lambda and mu. */
    DIRICHLET,
    /** {@link EnsembleTemperatureScaling#create()}. */
    ETS,
    /** {@link PlattScaling#oneVsRest()}. */
    PLATT,
    /** {@link IsotonicCalibration#create()}. */
    ISOTONIC,
    /** {@link HistogramBinning#equalMass(int)}. */
    HISTOGRAM,
    /** {@link BetaCalibration#oneVsRest()} (for two classes the same as {@link BetaCalibration#binary()}). */
    BETA;

    /** The penalty of matrix scaling and Dirichlet calibration unless one is given. */
    public static final double DEFAULT_PENALTY = 0.001;

    /** @return the name front ends use, such as {@code platt} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param bins B &gt;= 1, the equal-mass bins of {@link #HISTOGRAM} (the other methods have none)
     * @return the calibrator, with {@link #DEFAULT_PENALTY} where the method has penalties
     */
    public Calibrator calibrator(int bins) {
        return calibrator(bins, DEFAULT_PENALTY, DEFAULT_PENALTY);
    }

    /**
     * @param bins B &gt;= 1, the equal-mass bins of {@link #HISTOGRAM}
     * @param lambda the weight penalty of {@link #MATRIX} and {@link #DIRICHLET} (off-diagonal for the latter)
     * @param mu the intercept penalty of {@link #DIRICHLET}
     * @return the calibrator
     */
    public Calibrator calibrator(int bins, double lambda, double mu) {
        return switch (this) {
            case TEMPERATURE -> TemperatureCalibrator.byNll();
            case VECTOR -> VectorScaling.create();
            case MATRIX -> MatrixScaling.withPenalty(lambda);
            case DIRICHLET -> DirichletCalibration.odir(lambda, mu);
            case ETS -> EnsembleTemperatureScaling.create();
            case PLATT -> PlattScaling.oneVsRest();
            case ISOTONIC -> IsotonicCalibration.create();
            case HISTOGRAM -> HistogramBinning.equalMass(bins);
            case BETA -> BetaCalibration.oneVsRest();
        };
    }

    /**
     * @param key a {@link #key()}, in any case
     * @return the method
     * @throws IllegalArgumentException naming the known keys when there is no such method
     */
    public static CalibrationMethod named(String key) {
        for (CalibrationMethod m : values()) {
            if (m.key().equalsIgnoreCase(key.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("no recalibration method is named '" + key + "': use one of "
                + Arrays.stream(values()).map(CalibrationMethod::key).collect(Collectors.joining(", ")));
    }
}
