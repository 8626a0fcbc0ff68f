package org.temper.calibration.recalibration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The recalibration methods by the names the front ends use ({@code temper calibrate --method},
 * Weka's {@code -method}, Tribuo's configuration and provenance), so that a method can be chosen,
 * stored and rebuilt by name.
 */
public enum CalibrationMethod {
    /** {@link PlattScaling#oneVsRest()}. */
    PLATT,
    /** {@link IsotonicCalibration#create()}. */
    ISOTONIC,
    /** {@link HistogramBinning#equalMass(int)}. */
    HISTOGRAM,
    /** {@link TemperatureCalibrator#byNll()}. */
    TEMPERATURE;

    /** @return the name front ends use, such as {@code platt} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param bins B &gt;= 1, the equal-mass bins of {@link #HISTOGRAM} (the other methods have none)
     * @return the calibrator
     */
    public Calibrator calibrator(int bins) {
        return switch (this) {
            case PLATT -> PlattScaling.oneVsRest();
            case ISOTONIC -> IsotonicCalibration.create();
            case HISTOGRAM -> HistogramBinning.equalMass(bins);
            case TEMPERATURE -> TemperatureCalibrator.byNll();
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
