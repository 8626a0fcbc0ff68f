package org.temper.examples.reproduce;

import org.junit.jupiter.api.Assumptions;
import org.temper.examples.TrainCommandTest;
import org.temper.examples.TrainCommandTest.Run;
import org.temper.onnx.data.IdxDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One experiment's {@code temper reproduce NAME --quick} on a tiny slice of Fashion-MNIST, as every
 * experiment's end-to-end test runs it, and the trial files' times by which a rerun is seen not to
 * rewrite them.
 *
 * @param experiment the subcommand
 * @param tiny the hidden size options that make it tiny
 */
record TinyRuns(String experiment, List<String> tiny) {

    /**
     * The run a test class checks, once: skipped without Debian's Fashion-MNIST package, and asserted to succeed.
     * @param out the output folder
     * @return the run's exit code and output
     */
    Run first(Path out) {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST),
                "apt-get install dataset-fashion-mnist");
        Run run = run(out);
        assertEquals(0, run.code(), run.err() + run.out());
        return run;
    }

    /**
     * @param out the output folder
     * @param more further options
     * @return the run's exit code and output
     */
    Run run(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("reproduce", experiment, "--quick", "--out", out.toString()));
        args.addAll(tiny);
        args.addAll(List.of(more));
        return TrainCommandTest.run(args.toArray(String[]::new));
    }

    /**
     * @param folder an experiment's folder
     * @param expected how many trial files it must hold
     * @return their modification times, by file name
     * @throws Exception when the folder cannot be read
     */
    static List<FileTime> trialTimes(Path folder, int expected) throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve("trials")).sorted()) {
            List<FileTime> times = new ArrayList<>();
            for (Path f : files.toList()) {
                times.add(Files.getLastModifiedTime(f));
            }
            assertEquals(expected, times.size());
            return times;
        }
    }
}
