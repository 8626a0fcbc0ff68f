package org.temper.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs running Spark's own classes (SparkSubmit, Master, Worker) from the build's copy of Spark's
 * jars (target/spark-lib, laid out as a Spark installation's jars/ folder), with the module's Java 17
 * options, bound to 127.0.0.1.
 */
final class SparkProcesses {

    private final Path home;
    private final Path logs;

    /**
     * @param tmp a folder for the fake SPARK_HOME and the logs
     * @throws IOException when they cannot be made
     */
    SparkProcesses(Path tmp) throws IOException {
        home = tmp.resolve("spark-home");
        Files.createDirectories(home);
        Files.createSymbolicLink(home.resolve("jars"), Path.of(property("temper.spark.lib")).toAbsolutePath());
        logs = Files.createDirectories(tmp.resolve("logs"));
    }

    /**
     * @param name a failsafe system property
     * @return its value
     */
    static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set: run this test with failsafe (mvn verify)");
        }
        return v;
    }

    /**
     * @return a port free on 127.0.0.1 now
     * @throws IOException when none can be had
     */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * @param name the log's name
     * @param mainClass the class to run
     * @param args its arguments
     * @return the started process, its output in logs/NAME.log
     * @throws IOException when it cannot start
     */
    Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "@" + property("temper.spark.jvm.options"), "-cp", home.resolve("jars") + "/*",
                mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.12");
        return pb.start();
    }

    /**
     * @param name a log's name
     * @return its text
     * @throws IOException when it cannot be read
     */
    String log(String name) throws IOException {
        return Files.readString(logs.resolve(name + ".log"));
    }

    /** @param p a process to end with everything it started */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
