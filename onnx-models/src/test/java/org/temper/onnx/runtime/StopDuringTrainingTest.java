package org.temper.onnx.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping a process that installed {@link ExitOnSignal} (as the {@code temper} command line does) with
 * SIGTERM in the middle of training ends it like any Java program, not with a crash in ONNX Runtime's
 * native code: the child JVM exits with 143 (128 + SIGTERM) and leaves no hs_err crash report. Without
 * the handler this child died with SIGSEGV in libonnxruntime.so (ONNX Runtime's shutdown hook released
 * its environment under the running call).
 */
@Tag("faults")
class StopDuringTrainingTest {

    /**
     * Installs the handler and trains a large MLP on random data for many epochs, printing "epoch" after each.
     * @param args unused
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        ExitOnSignal.install();
        Random random = new Random(1);
        int n = 4096;
        float[] x = new float[n * 784];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            for (int j = 0; j < 784; j++) {
                x[i * 784 + j] = random.nextFloat();
            }
        }
        DenseDataset data = DenseDataset.of(x, y, new long[] {784}, 10);
        Recipe recipe = Recipe.builder().hidden(1200, 1200).epochs(1000).batchSize(512).seed(1).build();
        new Training(recipe, List.of(new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                System.out.println("epoch");
                System.out.flush();
            }
        })).run(data, null);
    }

    @Test
    void aSigtermInTheMiddleOfTrainingEndsTheJvmWithoutANativeCrash(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StopDuringTrainingTest.class.getName())).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("epoch") && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.readString(log).contains("epoch") && p.isAlive(), "the child trains:\n" + Files.readString(log));
        Thread.sleep(300);
        p.destroy();
        assertTrue(p.waitFor(150, TimeUnit.SECONDS), "the child ended after SIGTERM");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                    "no JVM crash report:\n" + Files.readString(log));
        }
        assertEquals(143, p.exitValue(), "exit status of a JVM ended by SIGTERM:\n" + Files.readString(log));
    }
}
