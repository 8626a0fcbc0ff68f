package org.temper.onnx.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
        ChildJvm.Outcome run = ChildJvm.run(EnvironmentStartTest.class, "-Xss512k");
        assertEquals(0, run.exitValue(), "exit " + run.exitValue() + " (139 is SIGSEGV):\n" + run.log());
        assertTrue(run.log().contains("shared pools true, version 1.29.0"), run.log());
    }
}
