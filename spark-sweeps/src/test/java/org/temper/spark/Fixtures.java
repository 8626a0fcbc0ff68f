package org.temper.spark;

import org.apache.spark.sql.SparkSession;
import org.temper.onnx.recipe.Recipe;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small sweep the tests share: 1 epoch of a 16-unit MLP on 600 Fashion-MNIST images, ONNX Runtime on one thread. */
final class Fixtures {

    private Fixtures() {
    }

    /** @return the shared settings */
    static Recipe base() {
        return Recipe.builder().hidden(16).epochs(1).batchSize(50).threads(1).build();
    }

    /**
     * @param data the data's folder
     * @param out the results folder
     * @return a 4-trial grid: alpha 0 and 0.1 times seed 1 and 2
     */
    static Sweep fourTrials(Path data, Path out) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("alpha", List.of("0", "0.1"));
        grid.put("seed", List.of("1", "2"));
        return Sweep.of(base(), grid, SweepData.of(data.toString()), out);
    }

    /**
     * @param master the master
     * @return a session on the loopback interface without UI
     */
    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("temper sweep test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }
}
