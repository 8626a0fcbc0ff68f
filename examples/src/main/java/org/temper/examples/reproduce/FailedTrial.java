package org.temper.examples.reproduce;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A trial that threw or diverged instead of finishing, stored in the experiment's failed/ folder and
 * listed in the report; a rerun tries it again.
 *
 * @param key the trial's key
 * @param label what the console calls it
 * @param message why it failed
 * @param host the machine it ran on
 */
public record FailedTrial(String key, String label, String message, String host) {

    /**
     * @param key the trial's key
     * @param label its label
     * @param e what it threw
     * @return the failure, on this machine
     */
    static FailedTrial of(String key, String label, Exception e) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            host = "unknown host";
        }
        return new FailedTrial(key, label, e.getMessage() == null ? e.getClass().getName() : e.getMessage(), host);
    }
}
