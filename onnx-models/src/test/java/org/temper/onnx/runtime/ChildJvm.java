package org.temper.onnx.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a main class of the test class path in a fresh JVM, for checks of how ONNX Runtime starts. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The outcome of a child JVM.
     * @param exitValue its exit status (139 is SIGSEGV)
     * @param log its standard output and error together
     */
    record Outcome(int exitValue, String log) {
    }

    /**
     * @param main the class whose main method runs
     * @param jvmOptions options before the class path, e.g. -Xss512k or -Dname=value
     * @return its exit status and output, after asserting that it finished within two minutes
     * @throws Exception when it cannot start
     */
    static Outcome run(Class<?> main, String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Path out = Files.createTempFile("temper-child", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String log = Files.readString(out);
        Files.delete(out);
        assertTrue(finished, "hung (a class-initialisation deadlock?):\n" + log);
        return new Outcome(p.exitValue(), log);
    }
}
