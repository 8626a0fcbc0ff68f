package org.temper.examples.reproduce;

import org.temper.onnx.objective.Distillation.SoftTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code temper reproduce distillation}: students distilled from label-smoothed and dropout teachers
 * ({@link DistillationExperiment}), written as report.html, report.md, results.json and PNG/SVG figures
 * into one resumable folder.
 */
@Command(name = "distillation", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Teachers 1200-1200 with label smoothing (alpha 0, .15, .3, .45, .6, .75) or dropout 0.5,"
                + " students 800-800 distilled from each at T = 1, 2, 4, 8, 12, 16 with b = 0.6, and a student"
                + " without a teacher: teacher accuracy, ECE and smoothness index gamma, student accuracy, and"
                + " whether the better teacher distils worse. --quick: alpha 0, .3, .6 and dropout at T = 1, 4 on"
                + " 10,000 images for 10 epochs (a few minutes on 2 cores); --full: the whole grid, 100 epochs on"
                + " 60,000 images (meant for a GPU; on the CPU it says how long it will take). A rerun resumes.")
final class DistillationCommand extends ExperimentCommand<DistillationTrial> {

    /** 10,000 training images, none held out, the whole test set, 10 epochs. */
    static final Scale QUICK = new Scale(10_000, 0, 0, 10);
    /** Every training image (no temperature is fitted, so none is held out), 100 epochs. */
    static final Scale FULL = new Scale(60_000, 0, 0, 100);

    @Option(names = "--soft-term", paramLabel = "TERM", defaultValue = "soft_cross_entropy",
            description = "soft_cross_entropy (Hinton et al.'s T^2 soft cross-entropy), mse_logits (half the mean"
                    + " squared error to the teacher's logits, the replication's text; T is ignored, so only T = 1"
                    + " runs) or mse_softened_probabilities (to softmax(t/T), the replication's code)."
                    + " Default: ${DEFAULT-VALUE}.")
    SoftTerm softTerm;

    @Option(names = "--student-shift", paramLabel = "PIXELS", defaultValue = "2",
            description = "Random shifts of the students' images, in pixels; the teachers' logits stay those of the"
                    + " unshifted image. Default: ${DEFAULT-VALUE}, the replication's recipe (0: Hinton et al.'s"
                    + " students, without augmentation).")
    int studentShift;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        TrialExecutor executor = options.executor();
        DistillationExperiment setup = setup();
        ExperimentRun<DistillationTrial> r = open();
        int teachers = setup.grid().teachers().size() * options.seeds;
        int students = (setup.grid().teachers().size() * setup.grid().temperatures().size() + 1) * options.seeds;
        console.printf(Locale.ROOT, "Distillation on %s: %s, %d epochs, seeds 1..%d, %d teachers and %d students,"
                + " soft term %s, %s; results in %s%n", options.data, r.data().describe("none held out"),
                r.scale().epochs(), options.seeds, teachers, students, softTerm.name().toLowerCase(Locale.ROOT),
                options.device, r.folder().toAbsolutePath());
        if (options.mode.full && options.device.equals("cpu") && executor == null) {
            console.printf(Locale.ROOT, "--full on the CPU: %d trials of %d epochs, meant for a GPU or the sweep"
                    + " engine. It starts now, without asking; after the first epoch it prints how long the missing"
                    + " trials will take (students' epochs scaled from a teacher's by parameter count). Stop it with"
                    + " Ctrl-C at any time: finished trials are kept and a rerun resumes.%n", teachers + students,
                    r.scale().epochs());
        }
        TrialLoop.Outcome<DistillationTrial> outcome = plan(r).run(console, executor);
        DistillationResults results = DistillationResults.of(setup.grid(), outcome.trials());
        String name = KnownData.titleOf(options.data);
        Report report = new DistillationReport(r.experiment(), r.info(outcome), setup, results, outcome.trials(),
                DistillationFigures.write(r.folder(), name, results)).report();
        Reports.finish(r.folder(), report, console);
        return outcome.exitCode();
    }

    /**
     * @return the experiment these options ask for
     * @throws IllegalArgumentException when an option does not apply or is out of range
     */
    private DistillationExperiment setup() {
        if (options.heldOut != null && options.heldOut != 0) {
            throw new IllegalArgumentException("distillation fits no temperature: --held-out does not apply");
        }
        if (studentShift < 0) {
            throw new IllegalArgumentException("--student-shift must be 0 or more, got " + studentShift);
        }
        DistillationGrid grid = options.mode.full ? DistillationGrid.FULL : DistillationGrid.QUICK;
        return new DistillationExperiment(softTerm == SoftTerm.MSE_LOGITS ? grid.withoutTemperatures() : grid,
                softTerm, studentShift, options.scale(QUICK, FULL).epochs(), options.device);
    }

    @Override
    ExperimentRun<DistillationTrial> open() throws IOException {
        return ExperimentRun.open(options, DistillationExperiment.NAME, QUICK, FULL, setup()::experiment,
                DistillationTrial.class);
    }

    @Override
    TrialLoop<DistillationTrial> plan(ExperimentRun<DistillationTrial> r) {
        return setup().plan(r.experiment(), r.store(), new TrialRunner(r.data()));
    }
}
