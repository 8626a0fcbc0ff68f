package org.temper.weka;

import weka.core.Attribute;
import weka.core.Instances;
import weka.core.WekaException;

/**
 * Checks training data before a network is built, so that the GUI's dialog and the command line
 * show what is wrong and how to fix it rather than a stack trace.
 */
public final class TrainingDataCheck {

    private TrainingDataCheck() {
    }

    /**
     * @param data the training data
     * @param classifier the classifier's name, for the messages
     * @throws WekaException naming the problem and the fix: no class set, a class that is not
     *         nominal, an input that is neither numeric nor nominal (a date, which Weka counts as
     *         numeric, included), no inputs, no training instances with a class value, or fewer than
     *         two class values present
     */
    public static void check(Instances data, String classifier) throws WekaException {
        if (data.classIndex() < 0) {
            throw new WekaException(classifier + " needs a class attribute: set one (the Explorer's class box,"
                    + " or -c on the command line).");
        }
        Attribute cls = data.classAttribute();
        if (!cls.isNominal()) {
            throw new WekaException(classifier + " predicts a nominal class, but the class attribute '" + cls.name()
                    + "' is " + Attribute.typeToString(cls) + ". Choose a nominal class attribute, or make this one"
                    + " nominal (filters NumericToNominal or Discretize).");
        }
        for (int a = 0; a < data.numAttributes(); a++) {
            Attribute att = data.attribute(a);
            if (a != data.classIndex() && att.type() != Attribute.NUMERIC && !att.isNominal()) {
                throw new WekaException(classifier + " reads numeric and nominal attributes, but attribute '"
                        + att.name() + "' is a " + Attribute.typeToString(att) + " attribute. " + fix(att));
            }
        }
        if (data.numAttributes() < 2) {
            throw new WekaException(classifier + " needs at least one input attribute besides the class '"
                    + cls.name() + "'. Add input attributes to the data.");
        }
        int[] counts = new int[cls.numValues()];
        int labelled = 0;
        for (int i = 0; i < data.numInstances(); i++) {
            if (!data.instance(i).classIsMissing()) {
                counts[(int) data.instance(i).classValue()]++;
                labelled++;
            }
        }
        if (labelled == 0) {
            throw new WekaException(classifier + " has no training instances with a class value ("
                    + data.numInstances() + " instances, none labelled). Provide labelled training data.");
        }
        int present = 0;
        String only = null;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                present++;
                only = cls.value(c);
            }
        }
        if (present < 2) {
            throw new WekaException(classifier + " needs training instances of at least two class values, but all "
                    + labelled + " labelled instances have class value '" + only + "'. Add instances of other"
                    + " classes (or use a one-class method).");
        }
    }

    private static String fix(Attribute att) {
        return switch (att.type()) {
            case Attribute.STRING -> "Convert it (filter StringToWordVector or StringToNominal) or remove it (filter Remove).";
            case Attribute.DATE -> "Convert it (filter DateToNumeric) or remove it (filter Remove).";
            default -> "Remove it (filter Remove), or use a multi-instance method.";
        };
    }
}
