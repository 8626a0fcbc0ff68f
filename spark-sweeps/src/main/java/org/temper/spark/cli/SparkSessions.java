package org.temper.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.temper.spark.Masters;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Spark session of a command ({@code temper sweep}, {@code temper reproduce --master}): the master
 * checked to answer first, and on a cluster the assembly jar this runs from shipped to the executors.
 */
final class SparkSessions {

    private SparkSessions() {
    }

    /**
     * @param master the command's --master, or null for spark-submit's (the spark.master property)
     * @return the master the session will use, or null when there is none (the trials run in-process)
     */
    static String effective(String master) {
        return master != null ? master : System.getProperty("spark.master");
    }

    /**
     * @param master the command's --master, or null for spark-submit's
     * @param app the application's name
     * @return the started session, its log at WARN
     * @throws IOException when a standalone master does not answer within 10 s
     */
    static SparkSession start(String master, String app) throws IOException {
        Masters.checkReachable(effective(master), Duration.ofSeconds(10));
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b.master(master);
            shippedJar(master).ifPresent(jar -> b.config("spark.jars", jar));
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * @param master the command's --master
     * @return this class's jar (the assembly), for executors on a cluster to load the trials' code from,
     *         unless spark.jars is set or the master is local
     */
    private static Optional<String> shippedJar(String master) {
        if (master.startsWith("local") || System.getProperty("spark.jars") != null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p.toString()) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
