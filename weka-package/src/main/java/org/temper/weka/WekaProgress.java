package org.temper.weka;

import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;
import weka.gui.Logger;

import java.util.Locale;

/**
 * Reports training to Weka: one line per epoch in the Explorer's log, the epoch's progress on its
 * status line, and, without a GUI log, the epoch lines on standard error in debug mode. Training
 * stops (keeping the network trained so far) when its thread is interrupted, which is what the
 * Explorer's Stop button does first.
 */
public final class WekaProgress implements TrainingListener {

    private final String name;
    private final Logger log;
    private final boolean debug;

    /**
     * @param name the classifier's name, leading every message
     * @param log the GUI log, or null on the command line
     * @param debug whether to print epoch lines to standard error when there is no GUI log
     */
    public WekaProgress(String name, Logger log, boolean debug) {
        this.name = name;
        this.log = log;
        this.debug = debug;
    }

    @Override
    public void onSteps(int epoch, int stepsDone, int stepsPerEpoch, double meanLoss) {
        if (log != null) {
            log.statusMessage(String.format(Locale.ROOT, "%s: epoch %d, %d%% (loss %.4f)", name, epoch,
                    100 * stepsDone / stepsPerEpoch, meanLoss));
        }
    }

    @Override
    public void onEpoch(EpochReport r) {
        String line = String.format(Locale.ROOT, "%s: epoch %d/%d loss %.4f training accuracy %.4f (%.1f s)", name,
                r.epoch(), r.epochs(), r.loss(), r.trainAccuracy(), r.seconds());
        if (log != null) {
            log.logMessage(line);
            log.statusMessage(line);
        } else if (debug) {
            System.err.println(line);
        }
    }

    @Override
    public boolean stopRequested() {
        return Thread.currentThread().isInterrupted();
    }
}
