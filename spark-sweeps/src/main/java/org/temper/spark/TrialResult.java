package org.temper.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one trial gave: its figures on the test set, or why it failed. One line of a sweep's
 * results.jsonl and one row of its {@code Dataset<Row>}.
 *
 * @param trial the trial's number
 * @param point the grid's settings at the trial
 * @param settings every setting of the trial's recipe
 * @param status {@link #OK} or {@link #FAILED}
 * @param message why it failed, or null
 * @param metrics each measured metric's value by its key (accuracy, ece, nll, ...), empty when it failed
 * @param epochs epochs trained
 * @param seconds wall-clock seconds of reading the data, training and measuring
 * @param host the host that ran it
 * @param device where ONNX Runtime ran (cpu or cuda:N)
 * @param threads ONNX Runtime threads per operator (0: the process-wide pool)
 */
public record TrialResult(int trial, Map<String, String> point, Map<String, String> settings, String status,
                          String message, Map<String, Double> metrics, int epochs, double seconds, String host,
                          String device, int threads) implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The status of a trial that trained and was measured. */
    public static final String OK = "ok";
    /** The status of a trial that failed or diverged; {@link #message()} says why. */
    public static final String FAILED = "failed";

    /**
     * Copies the maps, keeping their order.
     * @param trial the trial's number
     * @param point the grid's settings
     * @param settings the recipe's settings
     * @param status ok or failed
     * @param message why it failed, or null
     * @param metrics the figures
     * @param epochs epochs trained
     * @param seconds wall-clock seconds
     * @param host the host
     * @param device the device
     * @param threads the threads
     */
    public TrialResult {
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** @return whether the trial trained and was measured */
    public boolean ok() {
        return OK.equals(status);
    }
}
