package org.temper.examples.reproduce;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code temper reproduce projection}: penultimate-layer projections of three classes for a hard-target
 * and a label-smoothed net ({@link ProjectionExperiment}), written as report.html, report.md,
 * results.json and a PNG/SVG figure into one resumable folder.
 */
@Command(name = "projection", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Penultimate activations of three classes projected onto the plane of their templates, for"
                + " hard targets and label smoothing 0.1 (Mueller et al.'s figure), training and test images, with"
                + " the clusters' tightness measured. --quick: 20,000 training images, 10 epochs; --full: 100 epochs"
                + " on 60,000. A rerun resumes the folder.")
final class ProjectionCommand extends ExperimentCommand<ProjectionTrial> {

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        TrialExecutor executor = options.executor();
        ExperimentRun<ProjectionTrial> r = open();
        List<String> classes = ProjectionExperiment.CLASSES.stream().map(c -> r.data().train().classNames().get(c))
                .toList();
        console.printf(Locale.ROOT, "Penultimate projections on %s of %s: %,d training and %,d test images, %d epochs,"
                + " seeds 1..%d, %s; results in %s%n", options.data, String.join(", ", classes),
                r.data().train().size(), r.data().test().size(), r.scale().epochs(), options.seeds, options.device,
                r.folder().toAbsolutePath());
        TrialLoop.Outcome<ProjectionTrial> outcome = plan(r).run(console, executor);
        Reports.finish(r.folder(), new ProjectionReport(r.experiment(), r.info(outcome), classes, outcome.trials(),
                ProjectionFigures.write(r.folder(), options.data, outcome.trials(), classes)).report(), console);
        return outcome.exitCode();
    }

    @Override
    ExperimentRun<ProjectionTrial> open() throws IOException {
        return ExperimentRun.open(options, ProjectionExperiment.NAME, ProjectionExperiment.QUICK,
                ProjectionExperiment.FULL, ProjectionExperiment::experiment, ProjectionTrial.class);
    }

    @Override
    TrialLoop<ProjectionTrial> plan(ExperimentRun<ProjectionTrial> r) {
        return ProjectionExperiment.plan(r.experiment(), r.store(), new TrialRunner(r.data()), options.device);
    }
}
