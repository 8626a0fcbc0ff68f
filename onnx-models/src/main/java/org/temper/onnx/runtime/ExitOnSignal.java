package org.temper.onnx.runtime;

import sun.misc.Signal;

/**
 * Ends a command-line process cleanly on Ctrl-C (SIGINT) or SIGTERM in the middle of training: the
 * native calls in flight are let finish ({@link OrtThreads#stopNativeCalls()}), then the JVM exits
 * with 128 + the signal's number, running the shutdown hooks as usual (unfinished output files are
 * removed). Without it the exit releases ONNX Runtime's environment under a running call, and the
 * JVM dies in native code. For programs that own the process (the {@code temper} command line), not
 * for libraries inside someone else's (Tribuo, Weka), which keep the JVM's own signal handling.
 */
public final class ExitOnSignal {

    private ExitOnSignal() {
    }

    /** Installs the handler for SIGINT and SIGTERM. */
    @SuppressWarnings("removal")
    public static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                Thread exit = new Thread(() -> {
                    if (!OrtThreads.stopNativeCalls()) {
                        System.err.println("temper: ONNX Runtime calls still running after "
                                + OrtThreads.STOP_WAIT_SECONDS + " s; exiting anyway");
                    }
                    System.exit(128 + signal.getNumber());
                }, "temper-exit-on-signal");
                exit.setDaemon(true);
                exit.start();
            });
        }
    }
}
