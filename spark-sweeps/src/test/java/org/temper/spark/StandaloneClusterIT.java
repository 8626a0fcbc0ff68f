package org.temper.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real standalone cluster on 127.0.0.1: a Master and two Workers as separate JVMs of Spark's own
 * classes, a 4-trial sweep submitted to it, one Worker killed (with its executor) while trials run, and the
 * sweep still ending with every trial's result once.
 */
class StandaloneClusterIT {

    private static final int TRIALS = 4;

    @Test
    void aSweepSurvivesAWorkerKilledMidway(@TempDir Path tmp) throws Exception {
        Path data = FashionSlice.write(tmp.resolve("data"), 600, 200);
        Path out = tmp.resolve("out");
        SparkProcesses procs = new SparkProcesses(tmp);
        int port = SparkProcesses.freePort();
        String url = "spark://127.0.0.1:" + port;
        List<Process> started = new ArrayList<>();
        try {
            started.add(procs.start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", Integer.toString(SparkProcesses.freePort())));
            waitFor(() -> Masters.reachable(url), Duration.ofSeconds(60), "the master to listen");
            for (int w = 0; w < 2; w++) {
                started.add(procs.start("worker" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", Integer.toString(SparkProcesses.freePort()), "--webui-port",
                        Integer.toString(SparkProcesses.freePort()), "--cores", "1", "--memory", "1g", "--work-dir",
                        tmp.resolve("work" + w).toString(), url));
            }
            SparkSession spark = SparkSession.builder().master(url).appName("temper sweep IT")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.executor.memory", "700m")
                    .config("spark.jars", SparkProcesses.property("temper.sweeps.assembly")).getOrCreate();
            AtomicInteger failedTasks = new AtomicInteger();
            AtomicInteger executorsLost = new AtomicInteger();
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (!end.taskInfo().successful()) {
                        failedTasks.incrementAndGet();
                    }
                }

                @Override
                public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                    executorsLost.incrementAndGet();
                }
            });
            try {
                Sweep sweep = Sweep.of(Fixtures.base().toBuilder().epochs(2).build(),
                        Map.of("seed", List.of("1", "2", "3", "4")), SweepData.of(data.toString()), out);
                CompletableFuture<List<TrialResult>> run = CompletableFuture.supplyAsync(() -> {
                    try {
                        return sweep.runTrials(spark);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                waitFor(() -> trialFiles(out) >= 1, Duration.ofSeconds(180), "a first trial to finish");
                SparkProcesses.kill(started.get(1));
                List<TrialResult> results = run.get(300, TimeUnit.SECONDS);
                assertEquals(TRIALS, results.size());
                assertTrue(results.stream().allMatch(TrialResult::ok), results.toString());
                assertEquals(TRIALS, new HashSet<>(results.stream().map(TrialResult::trial).toList()).size());
                List<String> lines = Files.readAllLines(out.resolve(SweepFolder.RESULTS));
                assertEquals(TRIALS, lines.size(), "one line per trial, no duplicates");
                assertEquals(TRIALS, trialFiles(out));
                assertTrue(executorsLost.get() >= 1, "the killed worker's executor was lost");
                System.out.printf("standalone IT: %d tasks failed with the killed worker and were retried%n",
                        failedTasks.get());
            } finally {
                spark.stop();
            }
        } finally {
            started.forEach(SparkProcesses::kill);
        }
    }

    private static long trialFiles(Path out) {
        Path trials = out.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(trials)) {
            return s.filter(p -> p.getFileName().toString().startsWith("trial-")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, Duration limit, String what)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }
}
