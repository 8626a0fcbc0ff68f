package weka.classifiers.functions;

import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.WekaException;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad training data is refused with a message that names the problem and the fix. */
class BadInputTest {

    private static Instances data(Attribute input, Attribute cls, double[][] rows) {
        Instances d = new Instances("bad", new ArrayList<>(List.of(input, cls)), rows.length);
        d.setClassIndex(1);
        for (double[] r : rows) {
            d.add(new DenseInstance(1, r));
        }
        return d;
    }

    private static Attribute nominalClass() {
        return new Attribute("kind", List.of("a", "b"));
    }

    private static String refusal(Instances data) {
        LabelSmoothedNetwork network = SmallNetworks.small(new LabelSmoothedNetwork());
        return assertThrows(WekaException.class, () -> network.buildClassifier(data)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' should mention " + p);
        }
    }

    @Test
    void numericClass() {
        String m = refusal(data(new Attribute("x"), new Attribute("price"), new double[][] {{1, 2}, {2, 3}}));
        assertMentions(m, "LabelSmoothedNetwork", "'price' is numeric", "NumericToNominal");
    }

    @Test
    void stringAttribute() {
        Instances d = data(new Attribute("text", (List<String>) null), nominalClass(), new double[0][]);
        d.add(new DenseInstance(1, new double[] {d.attribute(0).addStringValue("hello"), 0}));
        assertMentions(refusal(d), "'text' is a string attribute", "StringToWordVector");
    }

    @Test
    void dateAttribute() throws Exception {
        Attribute when = new Attribute("when", "yyyy-MM-dd");
        String m = refusal(data(when, nominalClass(), new double[][] {{when.parseDate("2024-01-02"), 0},
            {when.parseDate("2024-03-04"), 1}}));
        assertMentions(m, "LabelSmoothedNetwork", "'when' is a date attribute", "DateToNumeric");
    }

    @Test
    void emptyTrainingSet() {
        assertMentions(refusal(data(new Attribute("x"), nominalClass(), new double[0][])),
                "no training instances with a class value", "Provide labelled training data");
    }

    @Test
    void oneClassValue() {
        assertMentions(refusal(data(new Attribute("x"), nominalClass(), new double[][] {{1, 1}, {2, 1}, {3, 1}})),
                "at least two class values", "all 3 labelled instances have class value 'b'");
    }

    @Test
    void aValueBeyondFloatRangeIsNamedNotTurnedIntoInfinity() {
        Instances d = data(new Attribute("mass"), nominalClass(), new double[][] {{1e300, 0}, {2, 1}, {3, 0}, {4, 1}});
        LabelSmoothedNetwork network = SmallNetworks.small(new LabelSmoothedNetwork());
        Exception e = assertThrows(Exception.class, () -> network.buildClassifier(d));
        assertMentions(e.getMessage(), "'mass' has the value 1.0E300", "32-bit floats", "Standardize");
    }
}
