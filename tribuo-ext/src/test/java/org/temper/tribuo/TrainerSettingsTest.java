package org.temper.tribuo;

import org.junit.jupiter.api.Test;
import org.temper.onnx.objective.LabelSmoothing;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainers hold their own copy of the settings; a model closed while threads predict fails them clearly. */
class TrainerSettingsTest {

    @Test
    void aLaterChangeToTheSettingsReachesNoConfiguredTrainer() {
        NetworkSettings settings = Settings.small();
        LabelSmoothingTrainer trainer = new LabelSmoothingTrainer(0.1, LabelSmoothing.Variant.UNIFORM, settings, 7);
        String before = trainer.toString();
        String provenance = trainer.getProvenance().toString();
        settings.hiddenSizes(999).epochs(77, 5);
        assertEquals(before, trainer.toString());
        assertEquals(provenance, trainer.getProvenance().toString());
        assertTrue(before.contains("seed=7") && before.contains("hidden=32") && before.contains("alpha=0.1"), before);
    }

    @Test
    void closingWhileEightThreadsPredictNeverCrashes() throws Exception {
        MutableDataset<Label> train = FashionMnist.slice(0, 300);
        MutableDataset<Label> test = FashionMnist.slice(300, 500);
        NetworkModel model = LabelSmoothingTrainer.hardTargets(Settings.small(), 1).train(train);
        List<Example<Label>> examples = new ArrayList<>(test.getData());
        List<Prediction<Label>> reference = model.predict(examples);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            calls.add(pool.submit(() -> {
                for (int k = 0; k < 500; k++) {
                    try {
                        List<Prediction<Label>> p = model.predict(examples);
                        assertTrue(p.get(3).distributionEquals(reference.get(3), 0));
                    } catch (IllegalStateException e) {
                        assertTrue(e.getMessage().contains("closed"), e.getMessage());
                        refused.incrementAndGet();
                        return null;
                    }
                }
                return null;
            }));
        }
        Thread.sleep(100);
        model.close();
        for (Future<?> f : calls) {
            f.get();
        }
        pool.shutdown();
        assertTrue(refused.get() > 0, "predictions after close() are refused");
    }
}
