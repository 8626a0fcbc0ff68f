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
import java.util.TreeSet;
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
        System.out.printf(Locale.ROOT, "Training on %d examples (%s) of %d classes: %s%n", train.size(), data.data,
                train.numClasses(), recipe);
        String gaps = missingLabels(train.classNames());
        if (!gaps.isEmpty()) {
            System.out.println("Note: no training example has the label(s) " + gaps + "; the model's classes are "
                    + train.classNames());
        }
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

    /**
     * @param classes class names
     * @return the label values missing from 0..max when every name is a label value, else ""
     */
    private static String missingLabels(List<String> classes) {
        if (!classes.stream().allMatch(c -> c.matches("\\d{1,9}"))) {
            return "";
        }
        TreeSet<Integer> present = new TreeSet<>();
        classes.forEach(c -> present.add(Integer.parseInt(c)));
        List<Integer> missing = new java.util.ArrayList<>();
        for (int v = 0; v < present.last(); v++) {
            if (!present.contains(v)) {
                missing.add(v);
            }
        }
        return missing.size() <= 10 ? String.join(", ", missing.stream().map(String::valueOf).toList())
                : missing.size() + " values from " + missing.get(0) + " to " + missing.get(missing.size() - 1);
    }
}
