package org.temper.weka.it;

import org.junit.jupiter.api.Test;
import org.temper.weka.FashionMnistSubsets;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Weka Experiment with the installed package: LabelSmoothedNetwork against J48 over two 66 %
 * random splits; the result file holds the calibration columns for both, and the corrected paired
 * t-test compares them on ECE. Leaves target/experimenter-it/results.arff.
 */
class ExperimenterIT {

    private static final String NETWORK = "weka.classifiers.functions.LabelSmoothedNetwork";
    private static final String TREE = "weka.classifiers.trees.J48";

    @Test
    void resultsHoldCalibrationColumnsForBothClassifiers() throws Exception {
        Path out = Files.createDirectories(Paths.get("target", "experimenter-it")).resolve("results.arff");
        Files.deleteIfExists(out);
        WekaJvm.Result r = WekaJvm.run(WekaJvm.installedHome(), Map.of(), ExperimentProbe.class.getName(),
                FashionMnistSubsets.folder().resolve("fashion-mnist-train.arff").toString(), out.toString(), "2",
                NETWORK + " -hidden 16 -epochs 2", TREE);
        String log = r.out() + r.err();
        assertEquals(0, r.exitCode(), log);
        Instances results = DataSource.read(out.toString());
        assertEquals(4, results.numInstances(), log);
        for (String scheme : new String[] {NETWORK, TREE}) {
            assertEquals(2, results.stream().filter(row -> row.stringValue(results.attribute("Key_Scheme"))
                    .equals(scheme)).count(), scheme + " has a row per run");
        }
        for (Instance row : results) {
            for (String column : new String[] {"ECE", "MCE", "Adaptive_ECE"}) {
                assertIn(results, row, column, 1);
            }
            assertIn(results, row, "Brier", 2);
            assertIn(results, row, "Mean_confidence", 1);
            boolean network = row.stringValue(results.attribute("Key_Scheme")).equals(NETWORK);
            double nll = row.value(results.attribute("NLL"));
            assertTrue(network ? Double.isFinite(nll) && nll > 0 : nll > 0, "NLL = " + nll + " in " + row
                    + " (infinite where J48 gives an actual class probability 0)");
        }
        assertTrue(r.out().contains("(1) functions.LabelSmoothedNetwork '"), log);
        assertTrue(r.out().contains("(2) trees.J48 '"), log);
        assertTrue(r.out().matches("(?s).*fashion-mnist-train +\\(2\\) +0\\.\\d+ \\| +0\\.\\d+.*"),
                "the t-test's ECE row: mean ECE of both over 2 runs\n" + log);
    }

    private static void assertIn(Instances results, Instance row, String column, double max) {
        double v = row.value(results.attribute(column));
        assertTrue(Double.isFinite(v) && v >= 0 && v <= max, column + " = " + v + " in " + row);
    }
}
