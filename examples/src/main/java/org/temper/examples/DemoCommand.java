package org.temper.examples;

import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.chart.ReliabilityDiagram;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.NewFile;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.temper.onnx.runtime.ExecutionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code temper demo}: the README's main job. Trains a hard-target and a label-smoothed MLP
 * (784-1200-1200-10) briefly on Fashion-MNIST on the CPU and compares their accuracy and
 * calibration on the test set: ECE, MCE, Brier, NLL, the temperature that calibrates the hard
 * network (fitted on held-out training images) and one reliability diagram of all three.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a hard-target and a label-smoothed network on Fashion-MNIST and compare their calibration.")
final class DemoCommand implements Callable<Integer> {

    private static final int HELD_OUT = 5000;
    private static final List<Metric> SHOWN = List.of(Metric.ACCURACY, Metric.ECE, Metric.MCE, Metric.BRIER, Metric.NLL,
            Metric.MEAN_CONFIDENCE);

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs per network. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--alpha", defaultValue = "0.1", description = "Label smoothing of the second network. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N examples only (quick runs).")
    Integer limit;

    @Option(names = "--out", defaultValue = "temper-demo", paramLabel = "DIR",
            description = "Folder under which each run writes a new run-<time> folder of models and pictures."
                    + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (epochs <= 0 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--epochs must be positive and --alpha in (0, 1)");
        }
        IdxDirectory fashion = IdxDirectory.fashionMnist();
        DenseDataset all = limit == null ? fashion.train() : fashion.train().head(limit + HELD_OUT);
        DenseDataset[] parts = all.split((double) HELD_OUT / all.size(), 7);
        DenseDataset train = parts[0];
        DenseDataset heldOut = parts[1];
        DenseDataset test = fashion.test();
        Path run = Files.createDirectories(out.resolve("run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        System.out.printf(Locale.ROOT, "Fashion-MNIST: %d training, %d held-out and %d test images; MLP 784-1200-1200-10,"
                + " SGD momentum 0.9, lr 0.05, batch 128, %d epochs, CPU%n", train.size(), heldOut.size(), test.size(),
                epochs);

        String smoothName = String.format(Locale.ROOT, "smoothed a=%.2f", alpha);
        Recipe recipe = Recipe.builder().hidden(1200, 1200).epochs(epochs).batchSize(128).learningRate(0.05)
                .momentum(0.9).preprocessing(Recipe.Preprocessing.NONE).seed(1).build();
        TrainedNetwork hard = train("hard targets", recipe.toBuilder().objective(Recipe.ObjectiveKind.HARD_TARGETS)
                .build(), train);
        TrainedNetwork smooth = train(smoothName, recipe.toBuilder().objective(Recipe.ObjectiveKind.LABEL_SMOOTHING)
                .alpha(alpha).build(), train);
        hard.save(run.resolve("hard.onnx"));
        smooth.save(run.resolve("smoothed.onnx"));

        CalibrationSettings settings = CalibrationSettings.defaults();
        TemperatureFit fit = TemperatureScaling.byNll().fit(predictions(hard, heldOut), settings);
        Predictions hardTest = predictions(hard, test);
        Map<String, CalibrationReport> reports = new LinkedHashMap<>();
        reports.put("hard targets", CalibrationReport.of(hardTest, settings));
        reports.put(smoothName, CalibrationReport.of(predictions(smooth, test), settings));
        reports.put(String.format(Locale.ROOT, "hard, T=%.2f", fit.temperature()),
                CalibrationReport.of(hardTest.withTemperature(fit.temperature()), settings));

        System.out.println();
        System.out.println("Test set (10,000 images), 15 equal-width bins:");
        System.out.printf(Locale.ROOT, "%-18s", "model");
        SHOWN.forEach(m -> System.out.printf(Locale.ROOT, " %10s", m.key()));
        System.out.println();
        reports.forEach((name, r) -> {
            System.out.printf(Locale.ROOT, "%-18s", name);
            SHOWN.forEach(m -> System.out.printf(Locale.ROOT, " %10.4f", r.value(m)));
            System.out.println();
        });
        System.out.printf(Locale.ROOT, "%nTemperature scaling of the hard network, fitted by NLL on %d held-out images:"
                + " T = %.3f%n", heldOut.size(), fit.temperature());
        Path diagram = run.resolve("reliability.png");
        NewFile.write(diagram, tmp -> ChartFiles.write(ReliabilityDiagram.chart("Fashion-MNIST test set,"
                + " MLP 784-1200-1200-10", reports), tmp, 1400, 800));
        System.out.println("Reliability diagrams: " + diagram.toAbsolutePath());
        System.out.println("Models: " + run.resolve("hard.onnx") + ", " + run.resolve("smoothed.onnx"));
        return 0;
    }

    private static TrainedNetwork train(String name, Recipe recipe, DenseDataset train) throws Exception {
        return new Training(recipe, List.of(new ConsoleProgress(String.format("%-15s", name), System.out)))
                .run(train, null).network();
    }

    /** The network's test-time logits on the data, as calibration predictions. */
    static Predictions predictions(TrainedNetwork network, DenseDataset data) throws Exception {
        try (ModelSession session = network.session(ExecutionSettings.DEFAULT)) {
            float[] logits = session.logits(data.features(), data.size());
            double[] z = new double[logits.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = logits[i];
            }
            int[] labels = new int[data.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (int) data.label(i);
            }
            return Predictions.fromLogits(z, labels, data.numClasses());
        }
    }
}
