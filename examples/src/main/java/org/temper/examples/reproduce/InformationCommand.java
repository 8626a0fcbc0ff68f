package org.temper.examples.reproduce;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code temper reproduce information}: Mueller et al.'s mutual-information estimate between a training
 * example and its logits over the epochs of a hard-target and a label-smoothed teacher
 * ({@link InformationExperiment}), written as report.html, report.md, results.json and a PNG/SVG figure
 * into one resumable folder.
 */
@Command(name = "information", mixinStandardHelpOptions = true, sortOptions = false,
        description = "I(X; Y) between 500 training images of two classes and their logit difference under random"
                + " shifts, after every epoch of a hard-target and a label smoothing 0.1 teacher (Mueller et al.,"
                + " section 5). --quick: 20,000 training images, 10 epochs; --full: 100 epochs on 60,000. A rerun"
                + " resumes the folder.")
final class InformationCommand extends ExperimentCommand<InformationTrial> {

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        TrialExecutor executor = options.executor();
        ExperimentRun<InformationTrial> r = open();
        List<String> classes = InformationExperiment.CLASSES.stream().map(c -> r.data().train().classNames().get(c))
                .toList();
        int examples = InformationExperiment.probed(r.data()).size();
        console.printf(Locale.ROOT, "Mutual information on %s, N = %d images of %s, %d passes: %,d training and %,d"
                + " test images, %d epochs, seeds 1..%d, %s; results in %s%n", options.data, examples,
                String.join(" and ", classes), InformationExperiment.PASSES, r.data().train().size(),
                r.data().test().size(), r.scale().epochs(), options.seeds, options.device, r.folder().toAbsolutePath());
        TrialLoop.Outcome<InformationTrial> outcome = plan(r).run(console, executor);
        Reports.finish(r.folder(), new InformationReport(r.experiment(), r.info(outcome), classes, examples,
                outcome.trials(), InformationFigures.write(r.folder(), options.data, outcome.trials(), examples))
                .report(), console);
        return outcome.exitCode();
    }

    @Override
    ExperimentRun<InformationTrial> open() throws IOException {
        return ExperimentRun.open(options, InformationExperiment.NAME, ProjectionExperiment.QUICK,
                ProjectionExperiment.FULL, InformationExperiment::experiment, InformationTrial.class);
    }

    @Override
    TrialLoop<InformationTrial> plan(ExperimentRun<InformationTrial> r) {
        return InformationExperiment.plan(r.experiment(), r.store(), new TrialRunner(r.data()), options.device);
    }
}
