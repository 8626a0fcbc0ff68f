package org.temper.tribuo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.Parameter;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainers train a forward network read from an ONNX file (as exported elsewhere) instead of the zoo's MLP. */
class ImportedNetworkTrainingTest {

    /** Writes an untrained MLP of the given input width as an ONNX inference model, as another tool would. */
    private static Path untrainedNetwork(Path dir, int inputs, int classes) throws Exception {
        Mlp mlp = Mlp.create(new long[] {inputs}, new int[] {32}, classes, 0, Initializer.GLOROT_UNIFORM, null, 5);
        Path file = dir.resolve("net-" + inputs + ".onnx");
        new TrainedNetwork(mlp, mlp.parameters().stream().map(Parameter::initial).toList(),
                org.temper.onnx.data.DenseDataset.defaultNames(classes), Map.of()).save(file);
        return file;
    }

    @Test
    void trainsAnImportedNetworkInATribuoPipeline(@TempDir Path dir) throws Exception {
        Dataset<Label> train = FashionMnist.slice(0, 2000);
        Dataset<Label> test = FashionMnist.slice(9000, 1000);
        int features = train.getFeatureIDMap().size();
        NetworkSettings settings = Settings.small().importedNetwork(untrainedNetwork(dir, features, 10), "logits");
        NetworkModel model = new LabelSmoothingTrainer(0.1, LabelSmoothing.Variant.UNIFORM, settings, 3).train(train);
        double accuracy = new LabelEvaluator().evaluate(model, test).accuracy();
        assertTrue(accuracy > 0.6, "accuracy " + accuracy);
    }

    @Test
    void anImportedNetworkOfTheWrongWidthIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        Dataset<Label> train = FashionMnist.slice(0, 200);
        int features = train.getFeatureIDMap().size();
        NetworkSettings settings = Settings.small().importedNetwork(untrainedNetwork(dir, features + 1, 10), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelSmoothingTrainer.hardTargets(settings, 1).train(train));
        assertTrue(e.getMessage().contains("export it with an input of " + features + " values"), e.getMessage());
    }
}
