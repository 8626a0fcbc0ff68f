package org.temper.examples.reproduce;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code temper reproduce smoothing}: label smoothing's effect on the calibration of the replication's
 * fully connected net ({@link SmoothingExperiment}), written as report.html, report.md, results.json and
 * PNG/SVG figures into one resumable folder.
 */
@Command(name = "smoothing", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Label smoothing alpha in {0, 0.05, 0.1, 0.15, 0.3} on the replication's MLP: test accuracy,"
                + " ECE and temperature scaling beside the published numbers. --quick: 20,000 training images,"
                + " 10 epochs, about a minute on 2 idle cores; --full: 100 epochs on 55,000. A rerun resumes the"
                + " folder.")
final class SmoothingCommand extends ExperimentCommand<SmoothingTrial> {

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        TrialExecutor executor = options.executor();
        ExperimentRun<SmoothingTrial> r = open();
        PublishedSmoothing published = PublishedSmoothing.forData(options.data).orElse(null);
        console.printf(Locale.ROOT, "Label smoothing on %s: %s, %d epochs, seeds 1..%d, %s; results in %s%n",
                options.data, r.data().describe(), r.scale().epochs(), options.seeds, options.device,
                r.folder().toAbsolutePath());
        if (published == null) {
            console.println("No published numbers for " + options.data + " (the replication reports Fashion-MNIST,"
                    + " MNIST and EMNIST balanced): our numbers are reported alone.");
        }
        TrialLoop.Outcome<SmoothingTrial> outcome = plan(r).run(console, executor);
        List<AlphaSummary> summaries = new ArrayList<>();
        for (double alpha : PublishedSmoothing.ALPHAS) {
            summaries.add(AlphaSummary.of(alpha, outcome.trials().stream().filter(t -> t.alpha() == alpha).toList(),
                    published));
        }
        RunInfo run = r.info(outcome);
        String name = KnownData.titleOf(options.data);
        Report report = new SmoothingReport(r.experiment(), run, published, summaries, outcome.trials(),
                SmoothingFigures.write(r.folder(), name, summaries, outcome.trials(), published)).report();
        Reports.finish(r.folder(), report, console);
        return outcome.exitCode();
    }

    @Override
    ExperimentRun<SmoothingTrial> open() throws IOException {
        return ExperimentRun.open(options, SmoothingExperiment.NAME, Scale.QUICK, Scale.FULL,
                SmoothingExperiment::experiment, SmoothingTrial.class);
    }

    @Override
    TrialLoop<SmoothingTrial> plan(ExperimentRun<SmoothingTrial> r) {
        return SmoothingExperiment.plan(r.experiment(), r.store(), new TrialRunner(r.data()), options.device);
    }
}
