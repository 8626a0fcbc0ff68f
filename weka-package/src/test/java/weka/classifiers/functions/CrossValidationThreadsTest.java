package weka.classifiers.functions;

import org.junit.jupiter.api.Test;
import org.temper.weka.TabularData;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Weka's cross-validation trains and drops a network per fold; with the engine's shared ONNX Runtime
 * thread pools, repeating it leaves no native threads behind (before the shared pools, six 10-fold
 * runs took a JVM from 20 to 86 threads). The networks keep the default of 0 threads (the shared
 * pools); the count to compare with is taken after the first run, which may start those pools. Linux only.
 */
class CrossValidationThreadsTest {

    /** Threads the JVM may start on its own meanwhile (compiler and GC threads come and go). */
    private static final int SLACK = 4;

    /** @return the process's threads, Java and native, as Linux counts them */
    private static int threads() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Threads:"))
                .mapToInt(l -> Integer.parseInt(l.substring("Threads:".length()).trim())).findFirst().orElseThrow();
    }

    @Test
    void sixTenFoldCrossValidationsLeaveNoThreadsBehind() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "counts threads as Linux does");
        Instances wine = TabularData.wine();
        int start = threads();
        int afterFirst = 0;
        for (int run = 0; run < 6; run++) {
            LabelSmoothedNetwork network = new LabelSmoothedNetwork();
            network.setHiddenLayers("8");
            network.setEpochs(5);
            network.setMiniBatchSize(16);
            Evaluation e = new Evaluation(wine);
            e.crossValidateModel(network, wine, 10, new Random(run));
            assertTrue(e.pctCorrect() > 80, "run " + run + ": accuracy " + e.pctCorrect());
            if (run == 0) {
                afterFirst = threads();
            }
        }
        int end = threads();
        assertTrue(end <= afterFirst + SLACK, "threads: " + start + " at the start, " + afterFirst
                + " after the first cross-validation, " + end + " after the sixth");
    }
}
