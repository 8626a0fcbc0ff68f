package org.temper.weka;

import weka.classifiers.Classifier;
import weka.classifiers.evaluation.Evaluation;

/**
 * Runs a classifier's command-line evaluation (as {@code weka.Run} does) and reports a failure as
 * its message, with the messages of its causes, instead of a stack trace.
 */
public final class CommandLineRun {

    private CommandLineRun() {
    }

    /**
     * Prints the evaluation to standard output, or what went wrong to standard error.
     * @param classifier the classifier to evaluate
     * @param options Weka's evaluation options (-t, -T, -x, ...) and the classifier's own
     * @return true when the evaluation ran
     */
    public static boolean evaluate(Classifier classifier, String[] options) {
        try {
            System.out.println(Evaluation.evaluateModel(classifier, options));
            return true;
        } catch (Exception e) {
            System.err.println(describe(e));
            return false;
        }
    }

    /**
     * @param error a failure
     * @return its message followed by the messages of its causes; Weka's help text unchanged
     */
    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message != null && message.contains("General options")) {
            return message;
        }
        StringBuilder s = new StringBuilder("Error: ").append(message == null ? error.toString() : message);
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !s.toString().contains(cause.getMessage())) {
                s.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return s.toString();
    }
}
