package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.zoo.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code temper train}: trains a network on an image data set and writes it as an ONNX model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network with label smoothing, confidence penalty or distillation and save it as ONNX.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--validation", defaultValue = "0", paramLabel = "FRACTION",
            description = "Fraction of the training data held out for validation each epoch (0 = none). Default: ${DEFAULT-VALUE}.")
    double validation;

    @Option(names = "--out", required = true, paramLabel = "MODEL.onnx",
            description = "Where to write the trained model (an existing file is never overwritten).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new IllegalArgumentException("--out " + out + " already exists; choose another path or delete it first");
        }
        if (validation < 0 || validation >= 1) {
            throw new IllegalArgumentException("--validation must be in [0, 1), got " + validation);
        }
        TrainingConfig config = training.config();
        DenseDataset loaded = data.train();
        Network network = training.network(loaded);
        DenseDataset all = loaded.withExampleShape(network.exampleShape());
        DenseDataset[] parts = validation > 0 ? all.split(validation, config.seed()) : new DenseDataset[] {all, null};
        System.out.printf(Locale.ROOT, "Training %s on %d examples (%s), %s, %s%n", training.describeNetwork(all),
                parts[0].size(), data.data, config.objective().describe(), config.optimizer().describe());
        FitResult result = new Fitter(config, List.of(new ConsoleProgress("train", System.out)))
                .fit(network, parts[0], parts[1], training.teacherLogits(parts[0]));
        DenseDataset test = data.test().withExampleShape(network.exampleShape());
        try (Predictor p = result.network().predictor(config.execution())) {
            float[] logits = p.logits(test.features(), test.size());
            System.out.printf(Locale.ROOT, "Test accuracy %.2f%% on %d examples (stopped: %s)%n",
                    100 * Logits.accuracy(logits, test.labels(), test.numClasses()), test.size(),
                    result.stopReason().name().toLowerCase(Locale.ROOT));
        }
        result.network().save(out);
        System.out.println("Model written to " + out);
        return 0;
    }
}
