package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.objective.Objective;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code temper demo}: the README's main job. Trains a hard-target and a label-smoothed MLP
 * (784-1200-1200-10) briefly on Fashion-MNIST on the CPU and shows them side by side.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a hard-target and a label-smoothed network on Fashion-MNIST and compare them.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs per network. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--alpha", defaultValue = "0.1", description = "Label smoothing of the second network. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N examples only (quick runs).")
    Integer limit;

    @Option(names = "--out", defaultValue = "temper-demo", paramLabel = "DIR",
            description = "Folder for the models and pictures. Default: ${DEFAULT-VALUE}.")
    Path out;

    /** One trained network of the demo and its test-set logits. */
    record Trained(String name, FitResult fit, float[] testLogits) {
    }

    @Override
    public Integer call() throws Exception {
        IdxDirectory fashion = IdxDirectory.fashionMnist();
        DenseDataset train = limit == null ? fashion.train() : fashion.train().head(limit);
        DenseDataset test = fashion.test();
        System.out.printf(Locale.ROOT, "Fashion-MNIST: %d training and %d test images; MLP 784-1200-1200-10,"
                + " SGD momentum 0.9, lr 0.05, batch 128, %d epochs, CPU%n", train.size(), test.size(), epochs);
        List<Trained> models = new ArrayList<>();
        models.add(train("hard targets", LabelSmoothing.hardTargets(), train, test));
        models.add(train(String.format(Locale.ROOT, "smoothed a=%.2f", alpha), LabelSmoothing.uniform(alpha), train, test));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-18s %10s%n", "model", "accuracy");
        for (Trained t : models) {
            System.out.printf(Locale.ROOT, "%-18s %9.2f%%%n", t.name(),
                    100 * Logits.accuracy(t.testLogits(), test.labels(), test.numClasses()));
        }
        return 0;
    }

    private Trained train(String name, Objective objective, DenseDataset train, DenseDataset test) throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withObjective(objective)
                .withOptimizer(Sgd.withMomentum(0.9)).withLearningRate(LearningRateSchedule.constant(0.05))
                .withEpochs(epochs, 128).withSeed(1);
        Mlp net = Mlp.create(train.exampleShape(), new int[] {1200, 1200}, train.numClasses(), 0,
                Initializer.HE_NORMAL, null, 1);
        FitResult fit = new Fitter(config, List.of(new ConsoleProgress(String.format("%-15s", name), System.out)))
                .fit(net, train, null, null);
        try (Predictor p = fit.network().predictor(ExecutionSettings.DEFAULT)) {
            return new Trained(name, fit, p.logits(test.features(), test.size()));
        }
    }
}
