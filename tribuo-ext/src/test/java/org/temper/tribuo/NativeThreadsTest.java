package org.temper.tribuo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.temper.onnx.runtime.OrtRuntime;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open NetworkModels cost no native threads of their own: with the default thread count every
 * session runs on ONNX Runtime's process-wide pools, so the process's thread count stays flat however
 * many models are trained and kept. A model trained with an explicit thread count predicts on a pool
 * of its own, released when the model is closed.
 */
class NativeThreadsTest {

    private static Dataset<Label> data;
    private static Example<Label> example;

    @BeforeAll
    static void warmUp() {
        data = FashionMnist.slice(0, 200);
        example = FashionMnist.slice(9000, 1).getExample(0);
        // the process-wide pools, the engine's call thread and the session cleaner start here
        for (int i = 0; i < 3; i++) {
            tiny(new NetworkSettings()).predict(example);
        }
        assertTrue(OrtRuntime.sharesThreadPools(), "ONNX Runtime's environment was created before Temper's in this"
                + " JVM, so sessions cannot share its thread pools");
    }

    @Test
    void fourHundredOpenModelsAddNoNativeThreads() throws IOException {
        int before = threads();
        List<NetworkModel> kept = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            NetworkModel model = tiny(new NetworkSettings());
            model.predict(example);
            kept.add(model);
        }
        int after = threads();
        // measured 26 -> 29 (the JVM's own compiler and pool threads); each model once added one
        assertTrue(after <= before + 16, "threads grew from " + before + " to " + after + " with " + kept.size()
                + " open models");
        kept.forEach(NetworkModel::close);
    }

    @Test
    void aModelTrainedWithTwoThreadsPredictsOnItsOwnPool() throws IOException {
        int before = threads();
        List<NetworkModel> kept = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            NetworkModel model = tiny(new NetworkSettings().device("cpu", 2));
            model.predict(example);
            kept.add(model);
        }
        int open = threads();
        kept.forEach(NetworkModel::close);
        int closed = threads();
        // measured 29 -> 37 -> 29: one pool thread beside the caller per model
        assertTrue(open >= before + kept.size(), "threads " + before + " -> " + open + ": each two-thread model"
                + " should predict on a pool of its own");
        assertTrue(closed <= before + 2, "threads " + open + " -> " + closed + " after closing the models");
    }

    /** @return a hidden layer of 4 trained for one epoch on 200 examples */
    private static NetworkModel tiny(NetworkSettings settings) {
        return LabelSmoothingTrainer.hardTargets(settings.hiddenSizes(4).epochs(1, 64), 1).train(data);
    }

    /** @return the process's thread count, native threads included */
    private static int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        throw new IllegalStateException("/proc/self/status has no Threads line");
    }
}
