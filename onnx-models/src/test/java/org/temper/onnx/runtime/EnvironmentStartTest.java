package org.temper.onnx.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX Runtime starts from a plain main thread with a small stack (as weka.Run's or a user's main):
 * no SIGSEGV in its native start, no deadlock with the class initialisation that starts it.
 */
@Tag("faults")
class EnvironmentStartTest {

    /**
     * Starts ONNX Runtime from the main thread.
     * @param args unused
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        System.out.println("shared pools " + OrtRuntime.sharesThreadPools() + ", version "
                + OrtRuntime.environment().getVersion());
    }

    @Test
    void startsFromAMainThreadWithASmallStack() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile("temper-start", ".log");
        Process p = new ProcessBuilder(List.of(java, "-Xss512k", "-cp", System.getProperty("java.class.path"),
                EnvironmentStartTest.class.getName())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String log = Files.readString(out);
        Files.delete(out);
        assertTrue(finished, "hung (a class-initialisation deadlock?):\n" + log);
        assertEquals(0, p.exitValue(), "exit " + p.exitValue() + " (139 is SIGSEGV):\n" + log);
        assertTrue(log.contains("shared pools true, version 1.29.0"), log);
    }
}
