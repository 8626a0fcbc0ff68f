package org.temper.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assembly jar runs under Spark's own spark-submit (SparkSubmit in a child JVM) with --master local[2]. */
class SparkSubmitIT {

    @Test
    void spark_submitRunsTheSweepCommandFromTheAssembly(@TempDir Path tmp) throws Exception {
        Path data = FashionSlice.write(tmp.resolve("data"), 600, 200);
        Path out = tmp.resolve("out");
        SparkProcesses spark = new SparkProcesses(tmp);
        Process submit = spark.start("submit", "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--class", "org.temper.spark.cli.SweepCommand", SparkProcesses.property("temper.sweeps.assembly"),
                "--set", "hidden=16", "--set", "epochs=1", "--set", "batchSize=50", "--grid", "seed=1,2",
                "--data", data.toString(), "--out", out.toString());
        try {
            assertTrue(submit.waitFor(240, TimeUnit.SECONDS), "spark-submit did not end in 240 s");
            assertEquals(0, submit.exitValue(), spark.log("submit"));
        } finally {
            SparkProcesses.kill(submit);
        }
        String log = spark.log("submit");
        assertTrue(log.contains("Running 2 trials on local[2]"), log);
        List<String> lines = Files.readAllLines(out.resolve(SweepFolder.RESULTS));
        assertEquals(2, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"status\":\"ok\"")), lines.toString());
    }
}
