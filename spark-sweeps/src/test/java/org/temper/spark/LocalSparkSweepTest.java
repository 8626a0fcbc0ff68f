package org.temper.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 4-trial sweep on local[2] gives, seed for seed, the figures of the same trials run in this JVM. */
class LocalSparkSweepTest {

    @Test
    void sparkTrialsEqualInProcessTrials(@TempDir Path tmp) throws IOException {
        Path data = FashionSlice.write(tmp.resolve("data"), 600, 200);
        List<TrialResult> inProcess = Fixtures.fourTrials(data, tmp.resolve("in-process")).runInProcess();
        SparkSession spark = Fixtures.session("local[2]");
        try {
            List<TrialResult> onSpark = Fixtures.fourTrials(data, tmp.resolve("spark")).runTrials(spark);
            for (int i = 0; i < 4; i++) {
                assertEquals(inProcess.get(i).point(), onSpark.get(i).point());
                assertEquals(inProcess.get(i).metrics(), onSpark.get(i).metrics(), "trial " + i);
            }
            Dataset<Row> rows = Fixtures.fourTrials(data, tmp.resolve("spark")).run(spark);
            assertEquals(4, rows.filter("status = 'ok'").count());
            assertEquals(List.of("trial", "status", "message", "alpha", "seed", "accuracy", "ece", "nll", "brier",
                    "mean_confidence", "epochs", "seconds", "host", "device", "threads", "settings"),
                    List.of(rows.columns()));
            List<Row> resumed = rows.orderBy("trial").collectAsList();
            for (int i = 0; i < 4; i++) {
                assertEquals(onSpark.get(i).seconds(), resumed.get(i).getDouble(11), "the stored result, not recomputed");
            }
            assertTrue(inProcess.get(0).metrics().get("accuracy") > 0.3, inProcess.get(0).toString());
            assertEquals(4, Files.readAllLines(tmp.resolve("spark").resolve(SweepFolder.RESULTS)).size());
        } finally {
            spark.stop();
        }
    }

    @Test
    void anUnreachableMasterIsAClearErrorInBoundedTime() {
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                () -> Masters.checkReachable("spark://127.0.0.1:1", Duration.ofSeconds(2))));
        assertTrue(e.getMessage().startsWith("--master spark://127.0.0.1:1: no Spark master answers at 127.0.0.1:1"),
                e.getMessage());
    }
}
