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
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AddValues;

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

    /**
     * Issue 12's bad input: a held-out part with one class, one without a class the method needs, one smaller than
     * the method needs, each refused before any copy of the base classifier is trained, naming the part, the method
     * and the classes; and a fit that fails leaves nothing built.
     */
    @Test
    void heldOutPartsTheMethodCannotFitAndFailedFitsAreRefused() throws Exception {
        Instances oneBad = new Instances(train, 0);
        train.stream().filter(i -> i.stringValue(train.classIndex()).equals("good")).forEach(oneBad::add);
        oneBad.add(train.stream().filter(i -> i.stringValue(train.classIndex()).equals("bad")).findFirst()
                .orElseThrow());
        CalibratedClassifier twoFolds = calibrated("weka.classifiers.trees.J48", "isotonic");
        twoFolds.setFolds(2);
        String single = assertThrows(Exception.class, () -> twoFolds.buildClassifier(oneBad)).getMessage();
        assertTrue(single.matches("The held-out part of fold [12] \\(\\d+ instances\\) cannot fit -method isotonic:"
                + " isotonic calibration needs held-out examples of at least two classes, but every one of the \\d+ is"
                + " labelled 0 \\(classes 0 to 1: good, bad\\); give more data, fewer -folds or a larger -holdout"),
                single);

        AddValues unseen = new AddValues();
        unseen.setAttributeIndex("last");
        unseen.setLabels("unknown");
        unseen.setInputFormat(train);
        Instances threeClasses = Filter.useFilter(train, unseen);
        String missing = assertThrows(Exception.class,
                () -> calibrated("weka.classifiers.bayes.NaiveBayes", "vector").buildClassifier(threeClasses))
                .getMessage();
        assertTrue(missing.startsWith("The held-out part of fold 1 (134 instances) cannot fit -method vector: vector"
                + " scaling needs held-out examples of every class, but class 2 of 3 never occurs among the 134")
                && missing.contains("(classes 0 to 2: good, bad, unknown)"), missing);

        CalibratedClassifier manyBins = calibrated("weka.classifiers.bayes.NaiveBayes", "histogram");
        manyBins.setBins(300);
        String few = assertThrows(Exception.class, () -> manyBins.buildClassifier(train)).getMessage();
        assertTrue(few.startsWith("The held-out part of fold 1 (134 instances) cannot fit -method histogram: histogram"
                + " binning (equal-mass, 300 bins) needs at least 300 held-out examples, got 134"), few);

        // J48's leaves give probabilities of 0 and 1, logits of about +-708: no finite temperature fits them
        CalibratedClassifier temperature = calibrated("weka.classifiers.trees.J48", "temperature");
        String failed = assertThrows(Exception.class, () -> temperature.buildClassifier(train)).getMessage();
        assertTrue(failed.startsWith("-method temperature could not be fitted, so CalibratedClassifier was not built:"
                + " NLL "), failed);
        String unbuilt = assertThrows(Exception.class, () -> temperature.distributionForInstance(test.instance(0)))
                .getMessage();
        assertTrue(unbuilt.contains("has not been built"), unbuilt);
    }
}
