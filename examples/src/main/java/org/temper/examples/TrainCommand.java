package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.NewFile;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code temper train}: trains a network by one recipe and writes it as an ONNX model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network with label smoothing, confidence penalty or distillation and save it as ONNX.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", required = true, paramLabel = "MODEL.onnx",
            description = "Where to write the trained model (an existing file is never overwritten).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Recipe recipe = training.recipe();
        NewFile.checkCreatable(out, "--out", training.inputs(Path.of(data.data), data.test));
        DenseDataset train = data.train();
        DenseDataset test = data.test();
        float[] teacher = training.teacherLogits(recipe, train);
        System.out.printf(Locale.ROOT, "Training on %d examples (%s): %s%n", train.size(), data.data, recipe);
        FitResult result = new Training(recipe, List.of(new ConsoleProgress("train", System.out))).run(train, teacher);
        System.out.println(result.summary());
        result.network().save(out);
        System.out.println("Model written to " + out);
        try (ModelSession session = result.network().session(Training.execution(recipe))) {
            float[] logits = session.logits(test.features(), test.size());
            System.out.printf(Locale.ROOT, "Test accuracy %.2f%% on %d examples%n",
                    100 * Logits.accuracy(logits, test.labels(), test.numClasses()), test.size());
        }
        return 0;
    }
}
