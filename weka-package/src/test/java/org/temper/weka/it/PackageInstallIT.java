package org.temper.weka.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.temper.weka.FashionMnistSubsets;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built zip installed offline by Weka's package manager into a fresh WEKA_HOME; then Weka, with
 * only its own jars on the class path, finds and runs what the package brings.
 */
class PackageInstallIT {

    private static Path wekaHome;

    @BeforeAll
    static void install() throws Exception {
        wekaHome = WekaJvm.installedHome();
        assertTrue(java.nio.file.Files.isRegularFile(wekaHome.resolve("packages/temper/temper-weka.jar")));
    }

    @Test
    void zipHoldsDescriptionJarAndLibsButNoWeka() throws Exception {
        try (ZipFile zip = new ZipFile(WekaJvm.packageZip().toFile())) {
            assertTrue(zip.getEntry("Description.props") != null);
            assertTrue(zip.getEntry("PluginManager.props") != null);
            assertTrue(zip.getEntry("temper-weka.jar") != null);
            assertTrue(zip.stream().anyMatch(e -> e.getName().matches("lib/onnxruntime-[0-9.]+\\.jar")));
            assertFalse(zip.stream().anyMatch(e -> e.getName().contains("weka-stable")), "never ships Weka");
        }
    }

    @Test
    void wekaDiscoversTheClassifiersMetricPlotAndFlowTemplate() throws Exception {
        WekaJvm.Result r = WekaJvm.run(wekaHome, Map.of(), DiscoveryProbe.class.getName());
        String out = r.out();
        for (String c : new String[] {"LabelSmoothedNetwork", "ConfidencePenaltyNetwork", "DistilledNetwork"}) {
            assertTrue(out.contains("classifier: weka.classifiers.functions." + c + " (WekaPackageLibIsolatingClassLoader)"),
                    c + " found by the GenericObjectEditor in the package's class loader:\n" + out + r.err());
        }
        assertTrue(out.contains("classifier: weka.classifiers.meta.CalibratedClassifier"
                + " (WekaPackageLibIsolatingClassLoader)"), "meta.CalibratedClassifier in the chooser:\n" + out + r.err());
        assertTrue(out.contains("metric: org.temper.weka.CalibrationMetric"), out + r.err());
        assertTrue(out.contains("visualize: org.temper.weka.ReliabilityDiagramPlugin"), out + r.err());
        assertTrue(out.contains("kf-template: Temper: label smoothing and calibration"), out + r.err());
    }

    @Test
    void wekaRunTrainsAndPrintsCalibration() throws Exception {
        Path data = FashionMnistSubsets.folder();
        WekaJvm.Result r = WekaJvm.run(wekaHome, Map.of(), "weka.Run", "LabelSmoothedNetwork",
                "-t", data.resolve("fashion-mnist-train.arff").toString(),
                "-T", data.resolve("fashion-mnist-test.arff").toString(), "-hidden", "32", "-epochs", "3");
        assertTrue(r.out().contains("Correctly Classified Instances"), r.out() + r.err());
        assertTrue(r.out().contains("Expected calibration error (ECE)"), r.out() + r.err());
        assertTrue(r.out().contains("Brier score"), r.out());
        assertTrue(r.out().matches("(?s).*\\nMean confidence \\(top probability\\) +0\\.\\d+ *\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\nNegative log-likelihood \\(NLL\\) +\\d+\\.\\d+ *\\n.*"), r.out());
    }

    @Test
    void wekaRunCalibratesNaiveBayesAndPrintsCalibration() throws Exception {
        WekaJvm.Result r = WekaJvm.run(wekaHome, Map.of(), "weka.Run", "CalibratedClassifier",
                "-t", Path.of("../testdata/breast-cancer.csv").toAbsolutePath().toString(), "-method", "isotonic", "-folds", "3",
                "-W", "weka.classifiers.bayes.NaiveBayes");
        assertTrue(r.out().contains("isotonic calibration (2 classes)"), r.out() + r.err());
        assertTrue(r.out().contains("Expected calibration error (ECE)"), r.out() + r.err());
    }

    /**
     * J48 and CalibratedClassifier (isotonic, cross-fitted over 5 folds) around J48, each under weka.Run's 10-fold
     * stratified cross-validation of German credit (seed 1 for both, so the same folds), in fresh JVMs from the
     * installed package: the package's metric prints an ECE for both, and calibration lowers it.
     */
    @Test
    void tenFoldCrossValidationOfCalibratedJ48PrintsALowerEceThanJ48() throws Exception {
        Path data = Files.createTempFile("credit-g", ".arff");
        data.toFile().deleteOnExit();
        try (InputStream in = weka.core.Instances.class.getResourceAsStream("/weka/gui/beans/templates/credit-g.arff")) {
            Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
        }
        String j48 = "weka.classifiers.trees.J48";
        double plain = crossValidatedEce(j48, "-x", "10", "-t", data.toString());
        double calibrated = crossValidatedEce("CalibratedClassifier", "-x", "10", "-t", data.toString(),
                "-method", "isotonic", "-W", j48);
        // measured: ECE 0.1442 for J48, 0.0399 calibrated (1,000 instances, 15 equal-width bins)
        assertTrue(plain > 0.12, "J48's ECE under 10-fold cross-validation: " + plain);
        assertTrue(calibrated < 0.06, "calibrated " + calibrated + ", J48 " + plain);
    }

    /** @return the ECE that weka.Run prints in its "Stratified cross-validation" section for these arguments */
    private static double crossValidatedEce(String... runArgs) throws Exception {
        WekaJvm.Result r = WekaJvm.run(wekaHome, Map.of(), "weka.Run", runArgs);
        String out = r.out();
        int cv = out.indexOf("=== Stratified cross-validation ===");
        assertTrue(cv >= 0, out + r.err());
        Matcher m = Pattern.compile("\\nExpected calibration error \\(ECE\\) +(0\\.\\d+) *\\n").matcher(out.substring(cv));
        assertTrue(m.find(), "the package's ECE in the cross-validation section:\n" + out + r.err());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void wekaRunExplainsBadInputWithoutAStackTrace() throws Exception {
        Path train = FashionMnistSubsets.folder().resolve("fashion-mnist-train.arff");
        WekaJvm.Result r = WekaJvm.run(wekaHome, Map.of(), "weka.Run", "LabelSmoothedNetwork",
                "-t", train.toString(), "-c", "1", "-epochs", "1");
        assertTrue(r.err().contains("Error: LabelSmoothedNetwork predicts a nominal class, but the class attribute"
                + " 'pixel1' is numeric"), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
    }
}
