package org.temper.examples;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows training on the console: a progress bar within each epoch (on standard error, only when
 * it is a terminal) and one line per epoch with loss, accuracies and seconds on standard output.
 */
public final class ConsoleProgress implements TrainingListener {

    private final String label;
    private final PrintStream out;
    private final boolean bar;
    private ProgressBar progress;

    /**
     * @param label what each line starts with (e.g. the model's name)
     * @param out where the epoch lines go
     */
    public ConsoleProgress(String label, PrintStream out) {
        this.label = label;
        this.out = out;
        this.bar = System.console() != null;
    }

    @Override
    public void onNotice(String message) {
        out.println(label + " note: " + message);
    }

    @Override
    public void onSteps(int epoch, int stepsDone, int stepsPerEpoch, double meanLoss) {
        if (!bar) {
            return;
        }
        if (progress == null) {
            progress = new ProgressBarBuilder().setTaskName(label + " epoch " + epoch).setInitialMax(stepsPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        }
        progress.stepTo(stepsDone);
        progress.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", meanLoss));
    }

    @Override
    public void onEpoch(EpochReport r) {
        if (progress != null) {
            progress.close();
            progress = null;
        }
        out.println(format(label, r));
    }

    static String format(String label, EpochReport r) {
        String val = Double.isNaN(r.validationAccuracy()) ? ""
                : String.format(Locale.ROOT, "  val acc %6.2f%%  val loss %.4f", 100 * r.validationAccuracy(),
                        r.validationLoss());
        return String.format(Locale.ROOT, "%s epoch %3d/%d  loss %.4f  train acc %6.2f%%%s  lr %.4g  %.1f s", label,
                r.epoch(), r.epochs(), r.loss(), 100 * r.trainAccuracy(), val, r.learningRate(), r.seconds());
    }
}
