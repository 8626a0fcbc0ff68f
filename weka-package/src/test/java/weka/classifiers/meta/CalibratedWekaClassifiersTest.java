package weka.classifiers.meta;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.temper.weka.InProcessWeka;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.SMO;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weka's own classifiers calibrated on German credit (credit-g.arff, 1,000 instances, 2 classes,
 * shipped inside weka-stable's jar): trained on a stratified random two thirds, measured on the
 * other 334 instances by Weka's Evaluation with the package's calibration metric.
 */
class CalibratedWekaClassifiersTest {

    private static Instances train;
    private static Instances test;

    @BeforeAll
    static void read() throws Exception {
        InProcessWeka.registerMetric();
        Instances credit;
        try (Reader r = new InputStreamReader(Instances.class.getResourceAsStream(
                "/weka/gui/beans/templates/credit-g.arff"), StandardCharsets.UTF_8)) {
            credit = new Instances(r);
        }
        credit.setClassIndex(credit.numAttributes() - 1);
        credit.randomize(new Random(1));
        credit.stratify(3);
        train = credit.trainCV(3, 0);
        test = credit.testCV(3, 0);
    }

    static double ece(Classifier c) throws Exception {
        c.buildClassifier(train);
        Evaluation ev = new Evaluation(train);
        ev.evaluateModel(c, test);
        return ev.getPluginMetric("Calibration").getStatistic("ECE");
    }

    private static CalibratedClassifier calibrated(String base, String method) throws Exception {
        CalibratedClassifier c = new CalibratedClassifier();
        c.setOptions(Utils.splitOptions("-method " + method + " -W " + base));
        return c;
    }

    /**
     * The table in docs/recalibration.md: ECE of the test third before, after Platt and after isotonic
     * (cross-fitted, 5 folds), as measured; J48 and NaiveBayes are improved by both methods.
     */
    @ParameterizedTest
    @CsvSource({
        "weka.classifiers.trees.J48, weka.classifiers.trees.J48, 0.2231, 0.0866, 0.0243",
        "weka.classifiers.bayes.NaiveBayes, weka.classifiers.bayes.NaiveBayes, 0.1172, 0.0750, 0.0476",
        "weka.classifiers.trees.RandomForest -I 30, weka.classifiers.trees.RandomForest -- -I 30, 0.0550, 0.1387,"
                + " 0.0331",
        "weka.classifiers.functions.SMO -M, weka.classifiers.functions.SMO -- -M, 0.0630, 0.0510, 0.0730"})
    void beforeAndAfter(String spec, String asBase, double before, double platt, double isotonic) throws Exception {
        String[] options = Utils.splitOptions(spec);
        String name = options[0];
        options[0] = "";
        assertEquals(before, ece(AbstractClassifier.forName(name, options)), 5e-5, spec + " before");
        assertEquals(platt, ece(calibrated(asBase, "platt")), 5e-5, spec + " Platt");
        assertEquals(isotonic, ece(calibrated(asBase, "isotonic")), 5e-5, spec + " isotonic");
        if (name.endsWith("J48") || name.endsWith("NaiveBayes")) {
            assertTrue(platt < before && isotonic < before, spec);
        }
    }

    @Test
    void optionsRoundTrip() throws Exception {
        CalibratedClassifier c = calibrated("weka.classifiers.functions.SMO -- -M", "isotonic");
        c.setOptions(Utils.splitOptions("-method isotonic -folds 3 -holdout 0.0 -bins 7 -S 4 -W "
                + SMO.class.getName() + " -- -M"));
        String[] options = c.getOptions();
        CalibratedClassifier back = new CalibratedClassifier();
        back.setOptions(options.clone());
        assertArrayEquals(options, back.getOptions());
        assertEquals("isotonic", back.getMethod());
        assertEquals(3, back.getFolds());
        assertEquals(7, back.getBins());
        assertEquals(4, back.getSeed());
        assertTrue(((SMO) back.getClassifier()).getBuildCalibrationModels());
        CheckOptionHandler check = new CheckOptionHandler();
        check.setOptionHandler(new CalibratedClassifier());
        check.setUserOptions(new String[0]);
        check.setSilent(true);
        assertTrue(check.checkListOptions() && check.checkSetOptions() && check.checkDefaultOptions()
                && check.checkRemainingOptions() && check.checkCanonicalUserOptions() && check.checkResettingOptions());
        CheckGOE goe = new CheckGOE();
        goe.setObject(new CalibratedClassifier());
        goe.setSilent(true);
        assertTrue(goe.checkGlobalInfo() && goe.checkToolTips(), "globalInfo and a tip text for every property");
    }

    @Test
    void aSavedModelPredictsTheSame() throws Exception {
        CalibratedClassifier c = calibrated("weka.classifiers.trees.J48", "histogram");
        c.buildClassifier(train);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.write(bytes, c);
        Classifier back = (Classifier) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(c.distributionForInstance(test.instance(i)), back.distributionForInstance(test.instance(i)));
        }
        assertTrue(c.toString().contains("histogram binning (equal-mass, 15 bins)") && c.toString().contains(
                "cross-fitted over 5 folds"), c.toString());
    }

    @Test
    void badSettingsAndClassifiersWithoutProbabilitiesAreRefused() throws Exception {
        CalibratedClassifier folds = calibrated("weka.classifiers.bayes.NaiveBayes", "platt");
        folds.setFolds(1);
        Exception f = assertThrows(Exception.class, () -> folds.buildClassifier(train));
        assertTrue(f.getMessage().contains("-folds must be at least 2"), f.getMessage());
        for (double bad : new double[] {-0.5, 1.0}) {
            CalibratedClassifier holdout = calibrated("weka.classifiers.bayes.NaiveBayes", "platt");
            holdout.setHoldout(bad);
            Exception h = assertThrows(Exception.class, () -> holdout.buildClassifier(train));
            assertTrue(h.getMessage().contains("-holdout must be in (0, 1)"), h.getMessage());
        }
        Exception svm = assertThrows(Exception.class,
                () -> calibrated("weka.classifiers.functions.SMO", "platt").buildClassifier(train));
        assertTrue(svm.getMessage().contains("no probability estimates") && svm.getMessage().contains("-M"),
                svm.getMessage());
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class,
                () -> new CalibratedClassifier().setMethod("bayes"));
        assertTrue(method.getMessage().contains("use one of temperature, vector"), method.getMessage());
        CalibratedClassifier held = calibrated("weka.classifiers.bayes.NaiveBayes", "temperature");
        held.setHoldout(0.3);
        held.buildClassifier(train);
        assertEquals(1, held.calibrationMaps().size());
    }
}
