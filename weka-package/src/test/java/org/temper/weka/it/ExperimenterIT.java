package org.temper.weka.it;

import org.junit.jupiter.api.Test;
import org.temper.weka.FashionMnistSubsets;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weka Experiments with the installed package over two 66 % random splits of Fashion-MNIST: LabelSmoothedNetwork
 * against J48, and meta.CalibratedClassifier (isotonic, cross-fitted over 3 folds, around J48) against J48. The
 * result files hold the calibration columns for every scheme, and the corrected paired t-test compares them on ECE.
 * Leaves target/experimenter-it/*.arff.
 */
class ExperimenterIT {

    private static final String NETWORK = "weka.classifiers.functions.LabelSmoothedNetwork";
    private static final String TREE = "weka.classifiers.trees.J48";
    private static final String CALIBRATED = "weka.classifiers.meta.CalibratedClassifier";

    @Test
    void resultsHoldCalibrationColumnsForBothClassifiers() throws Exception {
        Experiment run = Experiment.of("results.arff", NETWORK + " -hidden 16 -epochs 2", TREE);
        for (Instance row : run.results()) {
            boolean network = row.stringValue(run.results().attribute("Key_Scheme")).equals(NETWORK);
            double nll = row.value(run.results().attribute("NLL"));
            assertTrue(network ? Double.isFinite(nll) && nll > 0 : nll > 0, "NLL = " + nll + " in " + row
                    + " (infinite where J48 gives an actual class probability 0)");
        }
        assertTrue(run.out().contains("(1) functions.LabelSmoothedNetwork '"), run.log());
        assertTrue(run.out().contains("(2) trees.J48 '"), run.log());
    }

    @Test
    void calibratedJ48HasCalibrationColumnsAndALowerEce() throws Exception {
        Experiment run = Experiment.of("calibrated-j48.arff", CALIBRATED + " -method isotonic -folds 3 -W " + TREE,
                TREE);
        assertTrue(run.out().contains("(1) meta.CalibratedClassifier '"), run.log());
        assertTrue(run.out().contains("(2) trees.J48 '"), run.log());
        double calibrated = run.meanEce(CALIBRATED);
        double tree = run.meanEce(TREE);
        // measured: mean ECE over the two runs 0.179 (calibrated J48) and 0.275 (J48)
        assertTrue(calibrated < tree - 0.05, "calibrated J48 " + calibrated + ", J48 " + tree);
    }

    /**
     * One experiment's result file and output.
     * @param results the result rows, two runs per scheme, every one checked for the calibration columns
     * @param out the probe's standard output, with the t-test's table
     * @param log its standard output and error
     */
    private record Experiment(Instances results, String out, String log) {

        /** Runs the probe in a fresh JVM from the installed package: 2 runs of each classifier given as "class options". */
        static Experiment of(String file, String... classifiers) throws Exception {
            Path out = Files.createDirectories(Paths.get("target", "experimenter-it")).resolve(file);
            Files.deleteIfExists(out);
            List<String> args = new ArrayList<>(List.of(
                    FashionMnistSubsets.folder().resolve("fashion-mnist-train.arff").toString(), out.toString(), "2"));
            args.addAll(List.of(classifiers));
            WekaJvm.Result r = WekaJvm.run(WekaJvm.installedHome(), Map.of(), ExperimentProbe.class.getName(),
                    args.toArray(String[]::new));
            String log = r.out() + r.err();
            assertEquals(0, r.exitCode(), log);
            Instances results = DataSource.read(out.toString());
            assertEquals(2 * classifiers.length, results.numInstances(), log);
            for (String spec : classifiers) {
                String scheme = spec.split(" ")[0];
                assertEquals(2, results.stream().filter(row -> row.stringValue(results.attribute("Key_Scheme"))
                        .equals(scheme)).count(), scheme + " has a row per run");
            }
            for (Instance row : results) {
                for (String column : new String[] {"ECE", "MCE", "Adaptive_ECE"}) {
                    assertIn(results, row, column, 1);
                }
                assertIn(results, row, "Brier", 2);
                assertIn(results, row, "Mean_confidence", 1);
            }
            assertTrue(r.out().matches("(?s).*fashion-mnist-train +\\(2\\) +0\\.\\d+ \\| +0\\.\\d+.*"),
                    "the t-test's ECE row: mean ECE of both over 2 runs\n" + log);
            return new Experiment(results, r.out(), log);
        }

        double meanEce(String scheme) {
            return results.stream().filter(row -> row.stringValue(results.attribute("Key_Scheme")).equals(scheme))
                    .mapToDouble(row -> row.value(results.attribute("ECE"))).average().orElseThrow();
        }

        private static void assertIn(Instances results, Instance row, String column, double max) {
            double v = row.value(results.attribute(column));
            assertTrue(Double.isFinite(v) && v >= 0 && v <= max, column + " = " + v + " in " + row);
        }
    }
}
