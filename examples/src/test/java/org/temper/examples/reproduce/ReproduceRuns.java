package org.temper.examples.reproduce;

import org.junit.jupiter.api.Assumptions;
import org.temper.examples.TrainCommandTest;
import org.temper.examples.TrainCommandTest.Run;
import org.temper.onnx.data.IdxDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the reproductions' end-to-end tests run {@code temper reproduce NAME --quick} on a tiny slice. */
final class ReproduceRuns {

    private ReproduceRuns() {
    }

    /**
     * A test class's one run of an experiment, into DIR/NAME.
     * @param folder the experiment's folder
     * @param first the run's exit code and output
     */
    record Once(Path folder, Run first) {
    }

    /**
     * Runs the experiment once on the tiny slice, skipping the test class unless Debian's Fashion-MNIST
     * is installed and failing it unless the run succeeds.
     * @param experiment the subcommand
     * @param dir the test class's temporary folder
     * @param tiny the hidden size options of the tiny slice
     * @return the folder and the run
     */
    static Once once(String experiment, Path dir, String[] tiny) {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST),
                "apt-get install dataset-fashion-mnist");
        Path folder = dir.resolve(experiment);
        Run first = quick(experiment, folder, tiny);
        assertEquals(0, first.code(), first.err() + first.out());
        return new Once(folder, first);
    }

    /**
     * @param experiment the subcommand
     * @param out the --out folder
     * @param tiny the hidden size options of the tiny slice
     * @param more further options
     * @return the run's exit code and output
     */
    static Run quick(String experiment, Path out, String[] tiny, String... more) {
        List<String> args = new ArrayList<>(List.of("reproduce", experiment, "--quick", "--out", out.toString()));
        args.addAll(List.of(tiny));
        args.addAll(List.of(more));
        return TrainCommandTest.run(args.toArray(String[]::new));
    }
}
