package org.temper.weka;

import weka.classifiers.evaluation.AbstractEvaluationMetric;
import weka.core.PluginManager;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Weka in the test JVM: the metric plugin registered as the package's PluginManager.props does, and weka.Run. */
public final class InProcessWeka {

    /** What weka.Run printed. */
    public record Output(String out, String err) {
    }

    private InProcessWeka() {
    }

    /** Registers {@link CalibrationMetric} with Weka's PluginManager, so that evaluations print it. */
    public static void registerMetric() {
        PluginManager.addPlugin(AbstractEvaluationMetric.class.getName(), CalibrationMetric.class.getName(),
                CalibrationMetric.class.getName());
    }

    /**
     * Runs weka.Run without loading packages or scanning for classes, so name the scheme in full.
     * @param args the scheme's class name and options
     * @return what it printed to standard output and standard error
     */
    public static synchronized Output run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-no-load";
        all[1] = "-no-scan";
        System.arraycopy(args, 0, all, 2, args.length);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            weka.Run.main(all);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Output(o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
