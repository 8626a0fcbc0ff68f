package org.temper.examples.reproduce;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code temper reproduce penalty}: the confidence penalty's effect on accuracy, calibration and
 * entropy of the replication's fully connected net ({@link PenaltyExperiment}), written as report.html,
 * report.md, results.json and PNG/SVG figures into one resumable folder.
 */
@Command(name = "penalty", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The confidence penalty b in {0, 0.1, 0.2, 0.5, 1, 2} (constant, annealed, hinge) beside label"
                + " smoothing 0.1 and hard targets on the replication's MLP: test accuracy, ECE, NLL and mean entropy."
                + " --quick: 10,000 training images, 10 epochs, 17 trials, a few minutes on 2 idle cores; --full:"
                + " 100 epochs on 60,000. A rerun resumes the folder.")
final class PenaltyCommand extends ExperimentCommand<PenaltyTrial> {

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        TrialExecutor executor = options.executor();
        ExperimentRun<PenaltyTrial> o = open();
        ExperimentData data = o.data();
        String dataset = KnownData.titleOf(options.data);
        console.printf(Locale.ROOT, "Confidence penalty on %s: %,d training and %,d test images, %d classes, %d"
                        + " epochs, %d configurations x seeds 1..%d, %s; results in %s%n", options.data,
                data.train().size(), data.test().size(), data.classes(), o.scale().epochs(),
                o.experiment().configurations().size(), options.seeds, options.device, o.folder().toAbsolutePath());
        TrialLoop.Outcome<PenaltyTrial> outcome = plan(o).run(console, executor);
        List<PenaltySummary> summaries = PenaltyExperiment.configurations(data.classes()).stream()
                .map(c -> PenaltySummary.of(c, outcome.trials().stream().filter(t -> t.configuration().equals(c))
                        .toList(), data.classes())).toList();
        RunInfo run = o.info(outcome);
        var figures = PenaltyFigures.write(o.folder(), dataset, data.classes(), summaries, outcome.trials());
        boolean mnist = KnownData.of(options.data).orElse(null) == KnownData.MNIST;
        Report report = new PenaltyReport(o.experiment(), run, dataset, mnist, summaries,
                outcome.trials(), figures).report();
        Reports.finish(o.folder(), report, console);
        return outcome.exitCode();
    }

    @Override
    ExperimentRun<PenaltyTrial> open() throws IOException {
        return ExperimentRun.open(options, PenaltyExperiment.NAME, PenaltyExperiment.QUICK,
                PenaltyExperiment.FULL, PenaltyExperiment::experiment, PenaltyTrial.class);
    }

    @Override
    TrialLoop<PenaltyTrial> plan(ExperimentRun<PenaltyTrial> r) {
        return PenaltyExperiment.plan(r.experiment(), r.store(), new TrialRunner(r.data()), options.device);
    }
}
