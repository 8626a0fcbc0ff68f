package org.temper.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationSettingsTest {

    @Test
    void defaults() {
        CalibrationSettings s = CalibrationSettings.defaults();
        assertEquals(15, s.bins());
        assertEquals(List.of(Metric.values()), List.copyOf(s.metrics()));
        assertEquals(0, s.resamples());
        assertEquals(0.95, s.level());
    }

    @Test
    void metricsKeepDeclarationOrder() {
        CalibrationSettings s = CalibrationSettings.defaults().withMetrics(Metric.NLL, Metric.ECE);
        assertEquals(List.of(Metric.ECE, Metric.NLL), List.copyOf(s.metrics()));
    }

    @Test
    void invalidSettingsAreRefusedWithTheirValue() {
        CalibrationSettings s = CalibrationSettings.defaults();
        assertEquals("bins must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> s.withBins(0)).getMessage());
        assertEquals("no metric chosen",
                assertThrows(IllegalArgumentException.class, () -> s.withMetrics()).getMessage());
        assertEquals("resamples must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> s.withBootstrap(-1, 1)).getMessage());
        assertEquals("level must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> s.withLevel(1)).getMessage());
    }
}
