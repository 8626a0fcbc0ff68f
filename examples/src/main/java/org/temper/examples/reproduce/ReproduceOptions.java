package org.temper.examples.reproduce;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options every {@code temper reproduce} experiment takes: the mode, the data, the seeds, the
 * device, the output folder and the Spark master, and (hidden, for tests) the sizes that override the
 * mode's.
 */
final class ReproduceOptions {

    @ArgGroup
    Mode mode = new Mode();

    /** --quick or --full. */
    static final class Mode {
        @Option(names = "--quick", description = "Fewer images and epochs: a few minutes on 2 idle cores (default).")
        boolean quick;

        @Option(names = "--full", description = "The papers' recipes: 100 epochs on the training images (the"
                + " experiment's help says which and how many are held out).")
        boolean full;
    }

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "'fashion-mnist' (Debian's package) or a folder of MNIST-style IDX files."
                    + " Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Repeat every configuration with seeds 1..N. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or cuda:N. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--out", paramLabel = "DIR", description = "The experiment's folder; a rerun resumes it."
            + " Default: reproductions/NAME-quick or reproductions/NAME-full.")
    Path out;

    @Option(names = "--held-out", paramLabel = "N", description = "Training images held out for the temperature"
            + " fits (default 5,000 where an experiment fits temperatures); 0 trains on all of them and fits temperatures on the test set, as the"
            + " replication's code does (optimistic).")
    Integer heldOut;

    @Option(names = "--master", paramLabel = "local[N]|spark://HOST:PORT|yarn|k8s://...",
            description = "Run the missing trials as Apache Spark tasks on this master, into the same folder and"
                    + " report; ./temper runs the command through the spark-sweeps module then (built on first use;"
                    + " docs/sweeps.md). Without it the trials run one after the other in this process.")
    String master;

    /** Where the missing trials run when --master is given; installed by spark-sweeps' launcher. */
    TrialExecutor executor;

    @Option(names = "--train-examples", hidden = true, description = "Tests: training images instead of the mode's.")
    Integer trainExamples;

    @Option(names = "--test-examples", hidden = true, description = "Tests: test images (0 = all).")
    Integer testExamples;

    @Option(names = "--epochs", hidden = true, description = "Tests: epochs instead of the mode's.")
    Integer epochs;

    /**
     * The scale of the chosen mode with the overrides; --held-out alone moves images between the held-out
     * and the trained-on parts, keeping their sum.
     * @param quick the experiment's quick scale
     * @param full its full scale
     * @return the scale
     * @throws IllegalArgumentException when --seeds is not positive or a count is out of range
     */
    Scale scale(Scale quick, Scale full) {
        if (seeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + seeds);
        }
        if (heldOut != null && heldOut < 0) {
            throw new IllegalArgumentException("--held-out must be 0 or more, got " + heldOut);
        }
        Scale base = mode.full ? full : quick;
        int held = heldOut != null ? heldOut : base.heldOut();
        int train = trainExamples != null ? trainExamples : base.trainExamples() + base.heldOut() - held;
        return new Scale(train, held, testExamples != null ? testExamples : base.testExamples(),
                epochs != null ? epochs : base.epochs());
    }

    /**
     * @return where the missing trials run: null for this thread, the installed executor with --master
     * @throws IllegalArgumentException when --master is given but no executor is installed (the
     *         command runs without the spark-sweeps module)
     */
    TrialExecutor executor() {
        if (master != null && executor == null) {
            throw new IllegalArgumentException("--master " + master + " runs the trials on Apache Spark, which this"
                    + " command line leaves out: start it as ./temper reproduce ... --master " + master + " (the"
                    + " launcher runs it through spark-sweeps), or leave --master out to run the trials here");
        }
        return executor;
    }

    /**
     * @param name the experiment's name
     * @return --out, or reproductions/NAME-quick|full
     */
    Path folder(String name) {
        return out != null ? out : Path.of("reproductions", name + "-" + (mode.full ? "full" : "quick"));
    }
}
