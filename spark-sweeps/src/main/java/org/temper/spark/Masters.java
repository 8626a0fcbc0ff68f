package org.temper.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before a Spark session is created, that a standalone master ({@code spark://HOST:PORT}, or
 * several comma-separated for a master with standby) answers on its port, so that a wrong address is a
 * clear error within the timeout rather than Spark's minute of retries.
 */
public final class Masters {

    private Masters() {
    }

    /**
     * @param master a Spark master URL
     * @return whether {@link #checkReachable} passes within a second
     */
    public static boolean reachable(String master) {
        try {
            checkReachable(master, Duration.ofSeconds(1));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param master a Spark master URL; only {@code spark://} masters are checked, others pass
     * @param timeout how long to wait for each connection
     * @throws IOException naming the master, the address and the fix when none answers
     */
    public static void checkReachable(String master, Duration timeout) throws IOException {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> tried = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + hostPort.strip());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IOException("--master " + master + ": give spark://HOST:PORT, e.g. spark://127.0.0.1:7077");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) timeout.toMillis());
                return;
            } catch (IOException e) {
                tried.add(uri.getHost() + ":" + uri.getPort() + " (" + e.getMessage() + ")");
            }
        }
        throw new IOException("--master " + master + ": no Spark master answers at " + String.join(", ", tried)
                + " within " + timeout.toSeconds() + " s; start it (sbin/start-master.sh) or correct the address,"
                + " or leave --master out to run the trials in this process");
    }
}
