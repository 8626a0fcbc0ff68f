package org.temper.onnx.fit;

import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.TrainedNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.LeNet5;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LeNet-5 trains on a Fashion-MNIST subset through the epoch program, and its saved model reads back. */
class ConvNetTrainingTest {

    @Test
    void leNet5LearnsFashionMnistAndItsSavedModelPredictsTheSame(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST),
                "apt-get install dataset-fashion-mnist");
        IdxDirectory fashion = IdxDirectory.fashionMnist();
        DenseDataset train = fashion.train().head(5_000);
        DenseDataset test = fashion.test().head(2_000);
        TrainingConfig config = new TrainingConfig(LabelSmoothing.uniform(0.1), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(0.05), null, 2, 128, 0, 0, null, ExecutionSettings.DEFAULT, 1L, 0);
        FitResult result = new Fitter(config, List.of())
                .fit(LeNet5.create(train.exampleShape(), 10, 0, Initializer.HE_NORMAL, 1), train, null, null);
        result.history().forEach(r -> System.out.printf("LeNet-5 epoch %d on %d images: %.2f s, loss %.3f%n",
                r.epoch(), train.size(), r.seconds(), r.loss()));
        TrainedNetwork trained = result.network();
        float[] logits;
        try (ModelSession p = trained.session(ExecutionSettings.DEFAULT)) {
            logits = p.logits(test.features(), test.size());
        }
        double accuracy = TestAccuracy.of(logits, test);
        System.out.printf("LeNet-5 test accuracy after 2 epochs on %d images: %.3f%n", train.size(), accuracy);
        assertTrue(accuracy > 0.75, "test accuracy " + accuracy);

        Path file = dir.resolve("lenet5.onnx");
        trained.save(file);
        try (ModelSession p = ModelFiles.read(file).session(ExecutionSettings.DEFAULT)) {
            assertArrayEquals(logits, p.logits(test.features(), test.size()));
        }
    }
}
