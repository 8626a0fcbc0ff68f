package org.temper.onnx.model;

import org.junit.jupiter.api.Test;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.OrtRuntime;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Parameter;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one model session: outputs, closing under load, and native threads that do not grow with sessions. */
class ModelSessionTest {

    private static TrainedNetwork network(long seed) {
        Mlp net = Mlp.create(new long[] {6}, new int[] {5}, 3, 0, Initializer.HE_NORMAL, null, seed);
        List<TensorData> initial = net.parameters().stream().map(Parameter::initial).toList();
        return new TrainedNetwork(net, initial, List.of("a", "b", "c"), java.util.Map.of());
    }

    private static FloatBuffer rows(int n) {
        FloatBuffer b = DenseDataset.allocateDirect(n * 6L);
        for (int i = 0; i < n * 6; i++) {
            b.put((float) Math.sin(i));
        }
        return b.flip();
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogitsAndPenultimateIsThere() throws Exception {
        try (ModelSession s = network(1).session(ExecutionSettings.DEFAULT)) {
            float[] z = s.logits(rows(4), 4);
            float[] p = s.probabilities(rows(4), 4);
            float[] expected = z.clone();
            for (int i = 0; i < 4; i++) {
                ModelSession.softmaxInPlace(expected, i * 3, 3);
            }
            assertArrayEquals(expected, p, 1e-6f);
            assertEquals(4 * 5, s.penultimate(rows(4), 4).length);
        }
    }

    @Test
    void closingWhileEightThreadsPredictNeverCrashes() throws Exception {
        ModelSession s = network(2).session(ExecutionSettings.DEFAULT);
        float[] reference = s.logits(rows(3000), 3000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch started = new CountDownLatch(8);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            calls.add(pool.submit(() -> {
                started.countDown();
                for (int k = 0; k < 200; k++) {
                    try {
                        assertArrayEquals(reference, s.logits(rows(3000), 3000));
                    } catch (IllegalStateException e) {
                        assertTrue(e.getMessage().contains("closed"), e.getMessage());
                        refused.incrementAndGet();
                        return null;
                    }
                }
                return null;
            }));
        }
        started.await();
        Thread.sleep(50);
        s.close();
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        assertTrue(refused.get() > 0, "some calls came after close");
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> s.logits(rows(1), 1));
        assertTrue(after.getMessage().contains("closed"));
        s.close();
    }

    /** @return how many threads this process gained by opening 200 sessions and keeping them open */
    private static int growthOf200OpenSessions(ExecutionSettings settings) throws Exception {
        TrainedNetwork net = network(3);
        byte[] onnx = net.toOnnx().toByteArray();
        ModelSignature signature = net.signature();
        try (ModelSession warm = new ModelSession(onnx, signature, settings)) {
            warm.logits(rows(1), 1);
        }
        int before = threads();
        List<ModelSession> open = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                ModelSession s = new ModelSession(onnx, signature, settings);
                s.logits(rows(2), 2);
                open.add(s);
            }
            return threads() - before;
        } finally {
            open.forEach(ModelSession::close);
        }
    }

    @Test
    void openSessionsShareTheProcessWideThreadPools() throws Exception {
        assertTrue(OrtRuntime.sharesThreadPools(), "Temper created ONNX Runtime's environment with shared pools");
        int shared = growthOf200OpenSessions(ExecutionSettings.DEFAULT);
        assertTrue(shared <= 4, "200 open sessions on the shared pools added " + shared + " threads");
        // an explicit thread count gets a pool of its own per session: the measurement sees that growth
        int own = growthOf200OpenSessions(new ExecutionSettings(org.temper.onnx.runtime.Device.CPU, 2));
        assertTrue(own >= 150, "200 sessions with their own 2-thread pools added only " + own + " threads");
    }

    @Test
    void sessionsDroppedWithoutCloseAreReleased() throws Exception {
        TrainedNetwork net = network(4);
        byte[] onnx = net.toOnnx().toByteArray();
        ModelSignature signature = net.signature();
        ExecutionSettings own = new ExecutionSettings(org.temper.onnx.runtime.Device.CPU, 2);
        new ModelSession(onnx, signature, own).logits(rows(1), 1);
        int before = threads();
        for (int i = 0; i < 1000; i++) {
            new ModelSession(onnx, signature, own).logits(rows(2), 2);
            if (i % 50 == 49) {
                System.gc();
            }
        }
        int after = before;
        for (int attempt = 0; attempt < 50; attempt++) {
            System.gc();
            Thread.sleep(100);
            after = threads();
            if (after - before <= 60) {
                break;
            }
        }
        assertTrue(after - before <= 60, "threads grew from " + before + " to " + after + " over 1,000 dropped sessions"
                + " with pools of their own: the cleaner did not release them");
    }

    /** @return the threads of this process as the kernel counts them (Java and native alike) */
    static int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring(8).trim());
            }
        }
        throw new IllegalStateException("no Threads line in /proc/self/status");
    }
}
