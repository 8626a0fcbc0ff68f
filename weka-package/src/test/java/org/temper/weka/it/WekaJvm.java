package org.temper.weka.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM whose class path is Weka's own jars plus the test classes (never
 * Temper's classes: those must come from the installed package), with a given WEKA_HOME.
 */
final class WekaJvm {

    /** What a finished JVM printed. */
    record Result(int exitCode, String out, String err) {
    }

    private static Path probes;
    private static Path installedHome;

    private WekaJvm() {
    }

    /**
     * @return a folder holding only the probe classes (this package's and the Explorer session's), so that Weka's class
     *         discovery does not meet the other test classes, which need Temper on the class path
     * @throws IOException when they cannot be copied
     */
    private static synchronized Path probeClasses() throws IOException {
        if (probes == null) {
            Path root = Paths.get(java.net.URI.create(WekaJvm.class.getProtectionDomain().getCodeSource()
                    .getLocation().toString()));
            Path copy = Files.createTempDirectory("weka-probes");
            for (String pkg : new String[] {WekaJvm.class.getPackageName(), "weka.gui.explorer"}) {
                Path source = root.resolve(pkg.replace('.', '/'));
                Path target = Files.createDirectories(copy.resolve(pkg.replace('.', '/')));
                try (var files = Files.list(source)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.copy(f, target.resolve(f.getFileName().toString()));
                    }
                }
            }
            probes = copy;
        }
        return probes;
    }

    /**
     * @return a WEKA_HOME into which the built zip was installed offline by Weka's package manager
     *         (once per test JVM)
     * @throws Exception when the installation fails
     */
    static synchronized Path installedHome() throws Exception {
        if (installedHome == null) {
            Path home = Files.createTempDirectory("weka-home");
            Result r = run(home, Map.of(), InstallPackage.class.getName(), packageZip().toString());
            if (r.exitCode() != 0 || !r.out().contains("installed: temper")) {
                throw new IllegalStateException("Weka could not install " + packageZip() + ":\n" + r.out() + r.err());
            }
            installedHome = home;
        }
        return installedHome;
    }

    /** @return the built package zip, from the failsafe configuration */
    static Path packageZip() {
        return Paths.get(System.getProperty("temper.weka.zip"));
    }

    /** {@link #run(Path, Map, List, String, String...)} without extra JVM options. */
    static Result run(Path wekaHome, Map<String, String> env, String mainClass, String... args)
            throws IOException, InterruptedException {
        return run(wekaHome, env, List.of(), mainClass, args);
    }

    /**
     * @param wekaHome the WEKA_HOME to use
     * @param env extra environment variables (e.g. DISPLAY)
     * @param jvmOptions extra JVM options (e.g. -Duser.home=...)
     * @param mainClass the class to run
     * @param args its arguments
     * @return exit code and output
     * @throws IOException when the JVM cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    static Result run(Path wekaHome, Map<String, String> env, List<String> jvmOptions, String mainClass,
            String... args) throws IOException, InterruptedException {
        // Maven's list also names pom-only dependencies; a JVM class path takes the jars.
        String wekaClasspath = java.util.Arrays.stream(Files.readString(Paths.get(
                System.getProperty("temper.weka.classpath"))).trim().split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).collect(java.util.stream.Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-DWEKA_HOME=" + wekaHome, "-Dweka.packageManager.offline=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", wekaClasspath + File.pathSeparator + probeClasses(), mainClass));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("weka-jvm", ".out");
        Path err = Files.createTempFile("weka-jvm", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not finish within 5 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
