package org.temper.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.examples.reproduce.Reproduction;
import org.temper.onnx.data.IdxDirectory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code temper reproduce smoothing --master local[2]} on a tiny slice of Fashion-MNIST (600 training,
 * 300 held-out and 500 test images, one epoch, as examples' SmoothingCommandTest): the same trials as
 * in this process, a rerun that reads them back, and a failing trial listed in the report and tried
 * again by the next run. In one JVM the trials of both runs use ONNX Runtime's one process-wide pool
 * (threads=0), so that they agree bit for bit.
 */
class LocalSparkReproduceTest {

    private static final List<String> TINY = List.of("smoothing", "--quick", "--train-examples", "600", "--held-out",
            "300", "--test-examples", "500", "--epochs", "1");

    @Test
    void sparkTrialsEqualInProcessTrialsAndARerunReadsThemBack(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST), "apt-get install dataset-fashion-mnist");
        Path here = tmp.resolve("in-process");
        assertEquals(0, run(args(here), null).code, "in-process");
        Path spark = tmp.resolve("spark");
        SparkSession session = Fixtures.session("local[2]");
        try {
            Run first = run(onSpark(spark), session);
            assertEquals(0, first.code, first.out);
            assertTrue(first.out.contains("Running 5 trial(s) of stage 0 as tasks"), first.out);
            for (String key : keys(here)) {
                assertEquals(withoutSeconds(trial(here, key)), withoutSeconds(trial(spark, key)), key);
            }
            assertEquals(json(here.resolve("results.json")).get("summaries"),
                    json(spark.resolve("results.json")).get("summaries"));
            assertEquals(Files.list(here).map(Path::getFileName).sorted().toList(),
                    Files.list(spark).map(Path::getFileName).sorted().toList(), "the same folder layout");

            List<FileTime> before = times(spark);
            Run again = run(onSpark(spark), session);
            assertEquals(0, again.code, again.out);
            assertEquals(5, again.out.split("read back from", -1).length - 1, again.out);
            assertFalse(again.out.contains("as tasks"), again.out);
            assertEquals(before, times(spark));
        } finally {
            session.stop();
        }
    }

    @Test
    void aFailingTrialIsListedInTheReportAndTriedAgainByTheNextRun(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST), "apt-get install dataset-fashion-mnist");
        Path folder = tmp.resolve("failing");
        SparkSession session = Fixtures.session("local[2]");
        try {
            assertEquals(0, run(onSpark(folder), session).code);
            // A file in the way of one trial's result: that trial trains, cannot be stored, and fails.
            Path blocked = folder.resolve("trials").resolve("alpha-0.3-seed-1.json");
            Files.delete(blocked);
            Files.createSymbolicLink(blocked, tmp.resolve("nowhere"));
            Run failing = run(onSpark(folder), session);
            assertEquals(1, failing.code, failing.out);
            assertTrue(failing.out.contains("[5/5] alpha 0.30 seed 1: FAILED on "), failing.out);
            String md = Files.readString(folder.resolve("report.md"));
            assertTrue(md.contains("## Failed trials") && md.contains("| alpha 0.30 seed 1 |")
                    && md.contains("alpha-0.3-seed-1.json"), md);
            assertTrue(Files.exists(folder.resolve("failed").resolve("alpha-0.3-seed-1.json")));
            assertEquals(1, json(folder.resolve("results.json")).get("run").get("failed").size());

            Files.delete(blocked);
            Run retried = run(onSpark(folder), session);
            assertEquals(0, retried.code, retried.out);
            assertTrue(retried.out.contains("Running 1 trial(s) of stage 0 as tasks"), retried.out);
            assertFalse(Files.readString(folder.resolve("report.md")).contains("Failed trials"));
            assertFalse(Files.exists(folder.resolve("failed").resolve("alpha-0.3-seed-1.json")));
        } finally {
            session.stop();
        }
    }

    private record Run(int code, String out) {
    }

    private static Run run(List<String> args, SparkSession spark) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true));
        try {
            int code = Reproduction.run(args, spark == null ? null : new SparkReproduction(spark, args));
            return new Run(code, bytes.toString());
        } finally {
            System.setOut(old);
        }
    }

    private static List<String> args(Path out) {
        List<String> a = new ArrayList<>(TINY);
        a.addAll(List.of("--out", out.toString()));
        return a;
    }

    private static List<String> onSpark(Path out) {
        List<String> a = args(out);
        a.addAll(List.of("--master", "local[2]"));
        return a;
    }

    private static List<String> keys(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder.resolve("trials"))) {
            List<String> keys = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(5, keys.size());
            return keys;
        }
    }

    private static List<FileTime> times(Path folder) throws Exception {
        List<FileTime> t = new ArrayList<>();
        for (String key : keys(folder)) {
            t.add(Files.getLastModifiedTime(folder.resolve("trials").resolve(key)));
        }
        return t;
    }

    private static JsonNode trial(Path folder, String key) throws Exception {
        return json(folder.resolve("trials").resolve(key));
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    /** The trial without its wall-clock times, which no two runs share. */
    private static JsonNode withoutSeconds(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("seconds");
        }
        node.forEach(LocalSparkReproduceTest::withoutSeconds);
        return node;
    }
}
