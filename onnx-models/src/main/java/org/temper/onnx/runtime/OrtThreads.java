package org.temper.onnx.runtime;

import ai.onnxruntime.OrtException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs ONNX Runtime's native calls on engine threads with a large stack. On a thread with Java's
 * default 1 MiB stack, ONNX Runtime's kernels can overflow it once other native libraries have
 * taken their share of the thread's static TLS; that kills the JVM with SIGSEGV and no error
 * report. Engine threads have {@value #STACK_BYTES} bytes of stack; calls made on them run directly.
 *
 * <p>{@link #stopNativeCalls()} lets a process end cleanly in the middle of training: ONNX Runtime's own
 * shutdown hook releases its environment while a call may still run on another thread, which crashes
 * the JVM in native code; after this method no new call starts and the calls in flight have returned
 * ({@link ExitOnSignal} calls it before exiting).
 */
public final class OrtThreads {

    /** Stack size of engine threads. */
    public static final long STACK_BYTES = 64L << 20;

    /** How long {@link #stopNativeCalls()} waits for native calls in flight. */
    public static final int STOP_WAIT_SECONDS = 120;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Object CALLS = new Object();
    /** Native calls running now, guarded by {@link #CALLS}. */
    private static int inFlight;
    /** Set by {@link #stopNativeCalls()}, guarded by {@link #CALLS}. */
    private static boolean exiting;
    private static final ExecutorService EXECUTOR = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new EngineThread(r);
                t.setDaemon(true);
                return t;
            });

    private OrtThreads() {
    }

    /** A native call that may throw ONNX Runtime's checked exception. */
    @FunctionalInterface
    public interface NativeCall<T> {
        /**
         * @return the result
         * @throws OrtException on ONNX Runtime failure
         */
        T call() throws OrtException;
    }

    private static final class EngineThread extends Thread {
        EngineThread(Runnable r) {
            super(null, r, "temper-ort-" + COUNT.incrementAndGet(), STACK_BYTES);
        }
    }

    /**
     * Runs a native call on an engine thread and waits for it. An interrupt of the caller is kept
     * for the caller to see afterwards but never abandons a call in flight, so a session is never
     * closed while it still runs.
     * @param call the work
     * @param <T> result type
     * @return its result
     * @throws OrtException as the call threw it
     */
    public static <T> T run(NativeCall<T> call) throws OrtException {
        if (Thread.currentThread() instanceof EngineThread) {
            return call.call();
        }
        enter();
        try {
            return runOnEngineThread(call);
        } finally {
            leave();
        }
    }

    private static <T> T runOnEngineThread(NativeCall<T> call) throws OrtException {
        Future<T> future = EXECUTOR.submit(call::call);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            // reached with the call unfinished only when something like Thread.stop's ThreadDeath
            // leaves the wait: finish waiting so that no session is closed while it runs
            awaitQuietly(future);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void enter() {
        synchronized (CALLS) {
            if (exiting) {
                throw new IllegalStateException("The process is stopping: no new ONNX Runtime call is started");
            }
            inFlight++;
        }
    }

    private static void leave() {
        synchronized (CALLS) {
            inFlight--;
            CALLS.notifyAll();
        }
    }

    /**
     * Refuses every later native call (it throws {@link IllegalStateException}) and waits, up to
     * {@value #STOP_WAIT_SECONDS} s, for the calls in flight to return: afterwards the process can exit
     * without a native call running while ONNX Runtime's environment is released.
     * @return true when no call is in flight any more
     */
    public static boolean stopNativeCalls() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        synchronized (CALLS) {
            exiting = true;
            while (inFlight > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    CALLS.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private static void awaitQuietly(Future<?> future) {
        while (!future.isDone()) {
            try {
                future.get();
            } catch (InterruptedException | ExecutionException ignored) {
                // the outcome is reported by the caller's own path
            }
        }
    }

    private static OrtException rethrow(Throwable cause) {
        if (cause instanceof OrtException o) {
            return o;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }
}
