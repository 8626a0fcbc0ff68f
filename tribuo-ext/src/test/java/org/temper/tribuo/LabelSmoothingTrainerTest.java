package org.temper.tribuo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.temper.onnx.objective.LabelSmoothing;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.test.Helpers;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSmoothingTrainerTest {

    private static Dataset<Label> train;
    private static Dataset<Label> test;
    private static NetworkModel hard;
    private static NetworkModel smoothed;

    @BeforeAll
    static void trainBoth() {
        train = FashionMnist.train();
        test = FashionMnist.test();
        hard = LabelSmoothingTrainer.hardTargets(Settings.small(), 7).train(train);
        smoothed = new LabelSmoothingTrainer(0.3, LabelSmoothing.Variant.UNIFORM, Settings.small(), 7).train(train);
    }

    @Test
    void learnsFashionMnist() {
        LabelEvaluation e = new LabelEvaluator().evaluate(hard, test);
        assertTrue(e.accuracy() > 0.7, "accuracy " + e.accuracy());
    }

    @Test
    void predictionsCarryTheWholeDistribution() {
        assertTrue(hard.generatesProbabilities());
        Prediction<Label> p = hard.predict(test.getExample(0));
        assertEquals(10, p.getOutputScores().size());
        double sum = p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
        assertEquals(1, sum, 1e-6);
        double max = p.getOutputScores().values().stream().mapToDouble(Label::getScore).max().orElseThrow();
        assertEquals(max, p.getOutput().getScore());
    }

    @Test
    void smoothingLowersConfidence() {
        // q puts 1 - 0.3 + 0.03 = 0.73 on the true class, so the smoothed net cannot be near 1 on average
        double hardConfidence = meanConfidence(hard, test);
        double smoothConfidence = meanConfidence(smoothed, test);
        assertTrue(smoothConfidence < hardConfidence - 0.05, smoothConfidence + " vs " + hardConfidence);
        assertTrue(smoothConfidence < 0.8, "mean confidence " + smoothConfidence);
    }

    @Test
    void batchAndSingleAndConcurrentPredictionsAgree() throws Exception {
        List<Prediction<Label>> batch = hard.predict(test);
        for (int i = 0; i < 20; i++) {
            assertTrue(batch.get(i).distributionEquals(hard.predict(test.getExample(i)), 1e-6));
        }
        List<List<Prediction<Label>>> parallel = new ForkJoinPool(4).submit(() -> IntStream.range(0, 8).parallel()
                .mapToObj(i -> hard.predict(test)).toList()).get();
        for (List<Prediction<Label>> run : parallel) {
            for (int i = 0; i < batch.size(); i++) {
                assertTrue(batch.get(i).distributionEquals(run.get(i), 1e-9));
            }
        }
    }

    @Test
    void invocationCountReproducesRuns() {
        LabelSmoothingTrainer trainer = new LabelSmoothingTrainer(0.1, LabelSmoothing.Variant.OTHER_CLASSES,
                Settings.small().epochs(1, 64), 3);
        Dataset<Label> small = FashionMnist.slice(0, 500);
        NetworkModel first = trainer.train(small);
        NetworkModel second = trainer.train(small);
        assertEquals(2, trainer.getInvocationCount());
        assertNotEquals(first.predict(test.getExample(0)).getOutput().getScore(),
                second.predict(test.getExample(0)).getOutput().getScore());
        trainer.setInvocationCount(1);
        NetworkModel again = trainer.train(small);
        assertTrue(second.predict(test.getExample(0)).distributionEquals(again.predict(test.getExample(0)), 0));
        NetworkModel byArgument = trainer.train(small, java.util.Map.of(), 0);
        assertTrue(first.predict(test.getExample(0)).distributionEquals(byArgument.predict(test.getExample(0)), 0));
    }

    @Test
    void provenanceRecordsTheSettings() {
        TrainerProvenance p = smoothed.getProvenance().getTrainerProvenance();
        assertEquals("0.3", p.getConfiguredParameters().get("alpha").toString());
        assertEquals("UNIFORM", p.getConfiguredParameters().get("variant").toString());
        assertTrue(p.getConfiguredParameters().get("settings").toString().contains("hiddenSizes"));
        Helpers.testProvenanceMarshalling(smoothed.getProvenance());
    }

    @Test
    void priorVariantAndEarlyStoppingTrain() {
        NetworkSettings settings = Settings.small().epochs(6, 64).validation(0.2, 1);
        NetworkModel model = new LabelSmoothingTrainer(0.1, LabelSmoothing.Variant.PRIOR, settings, 5)
                .train(FashionMnist.slice(0, 800));
        assertTrue(new LabelEvaluator().evaluate(model, test).accuracy() > 0.5);
    }

    static double meanConfidence(Model<Label> model, Dataset<Label> data) {
        return model.predict(data).stream().mapToDouble(p -> p.getOutput().getScore()).average().orElseThrow();
    }
}
