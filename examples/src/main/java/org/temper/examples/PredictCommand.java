package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.NewFile;
import org.temper.onnx.model.SavedModel;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code temper predict}: runs an ONNX classifier over a data set and writes its logits as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute a model's logits on a data set; write them (and the labels) as CSV for 'temper calibrate'.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL.onnx", description = "A classifier ONNX model.")
    Path model;

    @Mixin
    DataOptions data;

    @Option(names = "--split", defaultValue = "test", description = "test or train. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--logits", paramLabel = "FILE.csv", description = "Write one row of K logits per example.")
    Path logitsOut;

    @Option(names = "--labels", paramLabel = "FILE.csv", description = "Write one label per line.")
    Path labelsOut;

    @Option(names = "--penultimate", paramLabel = "FILE.csv",
            description = "Write one row of the last hidden layer's activations per example (Temper's networks).")
    Path penultimateOut;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = List.of(model, Path.of(data.data));
        String[] names = {"--logits", "--labels", "--penultimate"};
        Path[] outputs = {logitsOut, labelsOut, penultimateOut};
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null) {
                NewFile.checkCreatable(outputs[i], names[i], inputs);
            }
        }
        SavedModel saved = ModelFiles.read(model);
        DenseDataset d = switch (split.toLowerCase(Locale.ROOT)) {
            case "test" -> data.limit == null ? data.test() : data.test().head(data.limit);
            case "train" -> data.train();
            default -> throw new IllegalArgumentException("--split " + split + ": use test or train");
        };
        if (saved.metadata().containsKey(TrainedNetwork.CLASSES_KEY)) {
            d = d.withClasses(saved.classNames(), "The " + split + " data");
        } else if (d.numClasses() > saved.signature().numClasses()) {
            throw new IllegalArgumentException(model + " has " + saved.signature().numClasses() + " outputs and names"
                    + " no classes, but the data has " + d.numClasses() + " classes");
        }
        if (saved.signature().exampleSize() != d.exampleSize()) {
            throw new IllegalArgumentException(model + " expects examples of shape "
                    + Arrays.toString(saved.signature().exampleShape()) + " but the data has "
                    + Arrays.toString(d.exampleShape()));
        }
        float[] logits;
        float[] penultimate = null;
        try (ModelSession session = saved.session(new ExecutionSettings(Device.parse(device), 0))) {
            logits = session.logits(d.features(), d.size());
            if (penultimateOut != null) {
                if (saved.signature().penultimate() == null) {
                    throw new IllegalArgumentException(model + " has no penultimate output: --penultimate needs one of"
                            + " Temper's networks with a hidden layer");
                }
                penultimate = session.penultimate(d.features(), d.size());
            }
        }
        int k = saved.signature().numClasses();
        System.out.printf(Locale.ROOT, "%s on %d %s examples: accuracy %.2f%%%n", model, d.size(), split,
                100 * Logits.accuracy(logits, d.labels(), k));
        if (logitsOut != null) {
            writeRows(logits, d.size(), logitsOut);
            System.out.println("Logits written to " + logitsOut);
        }
        if (penultimateOut != null) {
            writeRows(penultimate, d.size(), penultimateOut);
            System.out.println("Penultimate activations written to " + penultimateOut);
        }
        if (labelsOut != null) {
            writeLabels(d.labels(), labelsOut);
            System.out.println("Labels written to " + labelsOut);
        }
        return 0;
    }

    private static void writeRows(float[] values, int n, Path out) throws IOException {
        int width = n == 0 ? 0 : values.length / n;
        NewFile.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < width; c++) {
                        if (c > 0) {
                            w.write(',');
                        }
                        w.write(Float.toString(values[i * width + c]));
                    }
                    w.newLine();
                }
            }
        });
    }

    private static void writeLabels(long[] labels, Path out) throws IOException {
        NewFile.write(out, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (long l : labels) {
                    w.write(Long.toString(l));
                    w.newLine();
                }
            }
        });
    }
}
