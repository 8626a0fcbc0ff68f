package org.temper.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.examples.TrainCommandTest.Run;
import org.temper.onnx.data.IdxDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo, on 600 training images and one epoch: a quick smoothing reproduction in a new run folder. */
class DemoCommandTest {

    @Test
    void writesTheQuickSmoothingReportIntoANewRunFolder(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST), "apt-get install dataset-fashion-mnist");
        Run run = TrainCommandTest.run("demo", "--out", dir.toString(), "--limit", "600", "--epochs", "1");
        assertEquals(0, run.code(), run.err() + run.out());
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir)) {
            runs = s.toList();
        }
        assertEquals(1, runs.size());
        assertTrue(runs.get(0).getFileName().toString().startsWith("run-"), runs.toString());
        for (String f : List.of("report.html", "reliability.png", "ece-vs-alpha.png", "results.json")) {
            assertTrue(Files.size(runs.get(0).resolve(f)) > 0, f);
        }
        assertTrue(run.out().contains("temper reproduce smoothing --quick --out"), run.out());
        assertTrue(run.out().contains("ECE (published)") && run.out().contains("Report: "), run.out());
    }
}
