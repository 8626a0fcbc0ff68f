package org.temper.onnx.recipe;

import org.junit.jupiter.api.Test;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.Standardization;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.StopReason;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.runtime.ExecutionSettings;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training by a recipe: standardisation fitted on the training part and baked into the saved model. */
class TrainingTest {

    /** Two blobs whose features live on wildly different scales (x1 ~ 1e3, x2 ~ 1e-3), plus a constant column. */
    private static DenseDataset skewed(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 3];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double shift = y[i] == 0 ? -1 : 1;
            x[i * 3] = (float) (1000 * (shift + r.nextGaussian() * 0.5));
            x[i * 3 + 1] = (float) (0.001 * (shift + r.nextGaussian() * 0.5));
            x[i * 3 + 2] = 7f;
        }
        return DenseDataset.of(x, y, new long[] {3}, 2);
    }

    @Test
    void theSavedModelStandardisesRawInputItself() throws Exception {
        DenseDataset train = skewed(400, 1);
        FitResult r = new Training(Recipe.builder().hidden(8).epochs(5).build(), List.of()).run(train, null);
        TrainedNetwork net = r.network();
        Standardization s = net.standardization();
        assertNotNull(s);
        assertEquals(0f, s.mean()[2], "a constant feature is left alone");
        assertEquals(1f, s.scale()[2]);
        assertEquals("standardize", net.metadata().get(TrainedNetwork.PREPROCESSING_KEY));
        DenseDataset test = skewed(200, 2);
        try (ModelSession raw = net.session(ExecutionSettings.DEFAULT)) {
            float[] logits = raw.logits(test.features(), test.size());
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                int arg = logits[2 * i + 1] > logits[2 * i] ? 1 : 0;
                correct += arg == test.label(i) ? 1 : 0;
            }
            assertTrue(correct >= 190, "raw features through the saved graph: " + correct + "/200");
        }
    }

    @Test
    void standardisationMatchesTheHandWorkedValues() {
        DenseDataset d = DenseDataset.of(new float[] {1, 5, 3, 5, 5, 5}, new long[] {0, 1, 0}, new long[] {2}, 2);
        Standardization s = Standardization.fit(d);
        // column 0: mean 3, population sd sqrt(((1-3)^2 + 0 + (5-3)^2) / 3) = sqrt(8/3)
        assertEquals(3f, s.mean()[0]);
        assertEquals((float) (1 / Math.sqrt(8.0 / 3)), s.scale()[0], 1e-7);
        FloatBuffer out = s.apply(d).features();
        assertEquals((float) (-2 / Math.sqrt(8.0 / 3)), out.get(0), 1e-6);
        assertEquals(5f, out.get(1), "constant column 1 unchanged");
    }

    @Test
    void withoutStandardisationTheModelHasNone() throws Exception {
        FitResult r = new Training(Recipe.builder().hidden(4).epochs(1).preprocessing(Recipe.Preprocessing.NONE)
                .build(), List.of()).run(skewed(50, 3), null);
        assertEquals(null, r.network().standardization());
        assertEquals("none", r.network().metadata().get(TrainedNetwork.PREPROCESSING_KEY));
        assertEquals("none", r.network().metadata().get("temper.recipe.preprocessing"));
    }

    @Test
    void earlyStoppingSaysWhichEpochWasKept() throws Exception {
        FitResult r = new Training(Recipe.builder().hidden(4).epochs(30).learningRate(0.5).validationFraction(0.3)
                .patience(1).build(), List.of()).run(skewed(200, 4), null);
        if (r.stopReason() == StopReason.EARLY_STOPPING) {
            assertTrue(r.keptEpoch() < r.history().size());
            assertTrue(r.summary().contains("kept the weights of epoch " + r.keptEpoch()), r.summary());
        } else {
            assertTrue(r.summary().contains("completed 30 epochs"), r.summary());
        }
    }

    @Test
    void aTeacherIsNeededExactlyForDistillation() {
        DenseDataset d = skewed(20, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Training(
                Recipe.builder().objective(Recipe.ObjectiveKind.DISTILLATION).build(), List.of()).run(d, null));
        assertTrue(e.getMessage().contains("needs a teacher"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Training(Recipe.defaults(), List.of())
                .run(d, new float[40]));
        assertTrue(e.getMessage().contains("choose objective distillation"), e.getMessage());
    }

    @Test
    void aNetworkTooLargeForTheMachineIsRefusedBeforeAllocating() {
        DenseDataset d = skewed(20, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Training(
                Recipe.builder().hidden(65_536, 65_536).build(), List.of()).run(d, null));
        assertTrue(e.getMessage().contains("hidden = [65536, 65536]") && e.getMessage().contains("GB to train")
                && e.getMessage().contains("narrower"), e.getMessage());
    }
}
