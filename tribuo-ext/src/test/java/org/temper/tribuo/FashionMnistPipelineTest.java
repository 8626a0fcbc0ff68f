package org.temper.tribuo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.tribuo.calibration.CalibrationEvaluation;
import org.temper.tribuo.calibration.CalibrationEvaluator;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof as an ordinary Tribuo pipeline on Fashion-MNIST read by IDXDataSource: hard
 * targets, label smoothing and the confidence penalty, the calibration evaluation of each, and
 * students distilled from the hard and from the smoothed teacher.
 */
class FashionMnistPipelineTest {

    @Test
    void hardSmoothedPenalisedAndDistilled(@TempDir Path dir) throws Exception {
        Dataset<Label> train = FashionMnist.train();
        Dataset<Label> test = FashionMnist.test();
        NetworkSettings network = new NetworkSettings().hiddenSizes(64).epochs(4, 64).device("cpu", 2);

        Map<String, Trainer<Label>> trainers = new LinkedHashMap<>();
        trainers.put("hard", LabelSmoothingTrainer.hardTargets(network, 1));
        trainers.put("smoothed", new LabelSmoothingTrainer(0.2, LabelSmoothing.Variant.UNIFORM, network, 1));
        trainers.put("penalised", new ConfidencePenaltyTrainer(1.0, network, 1));
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        trainers.forEach((name, trainer) -> models.put(name, trainer.train(train)));

        NetworkSettings student = new NetworkSettings().hiddenSizes(32).epochs(4, 64).device("cpu", 2);
        models.put("student of hard", new DistillationTrainer(models.get("hard"),
                Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6, student, 2).train(train));
        models.put("student of smoothed", new DistillationTrainer(models.get("smoothed"),
                Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 4, 0.6, student, 2).train(train));

        CalibrationEvaluator calibration = new CalibrationEvaluator();
        LabelEvaluator labels = new LabelEvaluator();
        Map<String, CalibrationEvaluation> evaluations = new LinkedHashMap<>();
        for (Map.Entry<String, Model<Label>> e : models.entrySet()) {
            CalibrationEvaluation ev = calibration.evaluate(e.getValue(), test);
            evaluations.put(e.getKey(), ev);
            assertEquals(labels.evaluate(e.getValue(), test).accuracy(), ev.value(
                    org.temper.calibration.Metric.ACCURACY), 1e-12);
            assertTrue(ev.value(org.temper.calibration.Metric.ACCURACY) > 0.7, e.getKey() + "\n" + ev);
            ev.writeReliabilityDiagram(dir.resolve(e.getKey().replace(' ', '-') + ".png"), e.getKey());
        }
        double hard = evaluations.get("hard").value(org.temper.calibration.Metric.MEAN_CONFIDENCE);
        assertTrue(evaluations.get("smoothed").value(org.temper.calibration.Metric.MEAN_CONFIDENCE) < hard);
        assertTrue(evaluations.get("penalised").value(org.temper.calibration.Metric.MEAN_CONFIDENCE) < hard);
        assertEquals(5, Files.list(dir).count());
    }
}
