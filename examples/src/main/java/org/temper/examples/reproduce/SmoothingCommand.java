package org.temper.examples.reproduce;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code temper reproduce smoothing}: label smoothing's effect on the calibration of the replication's
 * fully connected net ({@link SmoothingExperiment}), written as report.html, report.md, results.json and
 * PNG/SVG figures into one resumable folder.
 */
@Command(name = "smoothing", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Label smoothing alpha in {0, 0.05, 0.1, 0.15, 0.3} on the replication's MLP: test accuracy,"
                + " ECE and temperature scaling beside the published numbers. A rerun resumes the folder.")
final class SmoothingCommand implements Callable<Integer> {

    @ArgGroup
    Mode mode = new Mode();

    /** --quick or --full. */
    static final class Mode {
        @Option(names = "--quick",
                description = "20,000 training images, 10 epochs: about a minute on 2 idle cores (default).")
        boolean quick;

        @Option(names = "--full", description = "The replication's 100 epochs on 55,000 training images (5,000 are"
                + " held out for temperature scaling).")
        boolean full;
    }

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "'fashion-mnist' (Debian's package) or a folder of MNIST-style IDX files."
                    + " Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Repeat every alpha with seeds 1..N. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--out", paramLabel = "DIR", description = "The experiment's folder; a rerun resumes it."
            + " Default: reproductions/smoothing-quick or reproductions/smoothing-full.")
    Path out;

    @Option(names = "--train-examples", hidden = true, description = "Tests: training images instead of the mode's.")
    Integer trainExamples;

    @Option(names = "--held-out", hidden = true, description = "Tests: held-out images instead of the mode's.")
    Integer heldOut;

    @Option(names = "--test-examples", hidden = true, description = "Tests: test images (0 = all).")
    Integer testExamples;

    @Option(names = "--epochs", hidden = true, description = "Tests: epochs instead of the mode's.")
    Integer epochs;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintStream console = System.out;
        if (seeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + seeds);
        }
        Scale scale = scale();
        Path folder = out != null ? out : Path.of("reproductions", "smoothing-" + (mode.full ? "full" : "quick"));
        IdxDirectory idx = IdxDirectory.named(data);
        DenseDataset all = idx.train();
        int wanted = scale.trainExamples() + scale.heldOut();
        if (all.size() < wanted) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %,d training images; this run needs"
                    + " %,d (%,d to train on and %,d held out)", data, all.size(), wanted, scale.trainExamples(),
                    scale.heldOut()));
        }
        DenseDataset[] parts = all.head(wanted).split((double) scale.heldOut() / wanted, 7);
        DenseDataset test = scale.testExamples() == 0 ? idx.test() : idx.test().head(scale.testExamples());
        Experiment experiment = SmoothingExperiment.experiment(data, all.numClasses(), scale, seeds);
        TrialStore store = TrialStore.open(folder, experiment);
        PublishedSmoothing published = PublishedSmoothing.forData(data).orElse(null);
        console.printf(Locale.ROOT, "Label smoothing on %s: %,d training, %,d held-out, %,d test images, %d classes,"
                + " %d epochs, seeds 1..%d, %s; results in %s%n", data, parts[0].size(), parts[1].size(), test.size(),
                all.numClasses(), scale.epochs(), seeds, device, folder.toAbsolutePath());
        if (published == null) {
            console.println("No published numbers for " + data + " (the replication reports Fashion-MNIST, MNIST and"
                    + " EMNIST balanced): our numbers are reported alone.");
        }
        SmoothingExperiment.Outcome outcome = new SmoothingExperiment(experiment, device,
                new TrialRunner(parts[0], parts[1], test), console).run(store);
        List<AlphaSummary> summaries = new ArrayList<>();
        for (double alpha : experiment.alphas()) {
            summaries.add(AlphaSummary.of(alpha, outcome.trials().stream().filter(t -> t.alpha() == alpha).toList(),
                    published));
        }
        RunInfo run = RunInfo.here(device, (System.nanoTime() - start) / 1e9, outcome);
        String name = published == null ? data : published.dataset();
        SmoothingReport report = new SmoothingReport(experiment, run, published, summaries, outcome.trials(),
                SmoothingFigures.write(folder, name, summaries, outcome.trials(), published));
        boolean written = ResultsJson.write(folder, report) | MarkdownReport.write(folder, report)
                | HtmlReport.write(folder, report);
        console.println();
        console.print(MarkdownReport.render(report).split("\n## Trials")[0]);
        console.println();
        console.println((written ? "Report: " : "Report (kept from the run that finished these trials): ")
                + folder.resolve("report.html").toAbsolutePath());
        return 0;
    }

    private Scale scale() {
        Scale base = mode.full ? Scale.FULL : Scale.QUICK;
        return new Scale(trainExamples != null ? trainExamples : base.trainExamples(),
                heldOut != null ? heldOut : base.heldOut(), testExamples != null ? testExamples : base.testExamples(),
                epochs != null ? epochs : base.epochs());
    }
}
