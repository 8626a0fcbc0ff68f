package weka.classifiers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.functions.AbstractTemperNetwork;
import weka.classifiers.functions.SmallNetworks;
import weka.core.Attribute;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weka's own checks on each classifier: CheckClassifier (what it can and cannot handle, and that
 * it refuses what it cannot with an acceptable message), CheckOptionHandler and CheckGOE. Lives
 * in weka.classifiers because CheckClassifier's checks are protected.
 */
class WekaChecksTest {

    static AbstractTemperNetwork[] classifiers() {
        return SmallNetworks.all();
    }

    private static CheckClassifier checker(AbstractTemperNetwork network) {
        CheckClassifier check = new CheckClassifier();
        check.setClassifier(network);
        check.setSilent(true);
        return check;
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void checkClassifier(AbstractTemperNetwork network) {
        CheckClassifier check = checker(network);
        String name = network.getClass().getSimpleName();
        assertTrue(check.declaresSerialVersionUID()[0], name + " declares serialVersionUID");
        assertTrue(check.testToString()[0], name + " toString");
        assertTrue(check.canTakeOptions()[0], name + " takes options");
        boolean[] nominalAndNumeric = {true, false};
        for (boolean nominal : nominalAndNumeric) {
            boolean numeric = !nominal;
            assertTrue(check.canPredict(nominal, numeric, false, false, false, false, Attribute.NOMINAL)[0],
                    name + " predicts a nominal class");
            assertTrue(check.canHandleNClasses(nominal, numeric, false, false, false, false, 4)[0],
                    name + " handles four classes");
            assertTrue(check.canHandleClassAsNthAttribute(nominal, numeric, false, false, false, false,
                    Attribute.NOMINAL, 0)[0], name + " handles the class as first attribute");
            assertTrue(check.canHandleMissing(nominal, numeric, false, false, false, false, Attribute.NOMINAL,
                    true, false, 20)[0], name + " handles missing inputs");
            assertTrue(check.canHandleMissing(nominal, numeric, false, false, false, false, Attribute.NOMINAL,
                    false, true, 20)[0], name + " handles missing class values");
            assertTrue(check.correctBuildInitialisation(nominal, numeric, false, false, false, false,
                    Attribute.NOMINAL)[0], name + " builds from scratch every time");
            assertTrue(check.datasetIntegrity(nominal, numeric, false, false, false, false, Attribute.NOMINAL,
                    true, true)[0], name + " leaves the training data unchanged");
            assertTrue(check.doesntUseTestClassVal(nominal, numeric, false, false, false, false,
                    Attribute.NOMINAL)[0], name + " ignores test class values");
        }
        refusesWithAnAcceptableMessage(name + " numeric class",
                check.canPredict(true, true, false, false, false, false, Attribute.NUMERIC));
        refusesWithAnAcceptableMessage(name + " string input",
                check.canPredict(false, false, true, false, false, false, Attribute.NOMINAL));
        refusesWithAnAcceptableMessage(name + " date input",
                check.canPredict(false, false, false, true, false, false, Attribute.NOMINAL));
        refusesWithAnAcceptableMessage(name + " relational input",
                check.canPredict(false, false, false, false, true, false, Attribute.NOMINAL));
        refusesWithAnAcceptableMessage(name + " zero training instances",
                check.canHandleZeroTraining(true, true, false, false, false, false, Attribute.NOMINAL));
        refusesWithAnAcceptableMessage(name + " only the class",
                check.canHandleOnlyClass(true, true, false, false, false, Attribute.NOMINAL));
    }

    private static void refusesWithAnAcceptableMessage(String what, boolean[] result) {
        assertArrayEquals(new boolean[] {false, true}, result, what + ": refused, with a message naming the problem");
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void checkOptionHandler(AbstractTemperNetwork network) {
        CheckOptionHandler check = new CheckOptionHandler();
        check.setOptionHandler(network);
        check.setUserOptions(new String[0]);
        check.setSilent(true);
        assertTrue(check.checkListOptions(), "listOptions");
        assertTrue(check.checkSetOptions(), "setOptions");
        assertTrue(check.checkDefaultOptions(), "default options");
        assertTrue(check.checkRemainingOptions(), "no options left over");
        assertTrue(check.checkCanonicalUserOptions(), "canonical options");
        assertTrue(check.checkResettingOptions(), "resetting options");
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void checkGoe(AbstractTemperNetwork network) {
        CheckGOE check = new CheckGOE();
        check.setObject(network);
        check.setSilent(true);
        assertTrue(check.checkGlobalInfo(), "globalInfo");
        assertTrue(check.checkToolTips(), "a tip text (OptionMetadata description) for every property");
    }
}
