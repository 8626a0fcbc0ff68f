package org.temper.weka;

import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.StopReason;
import org.temper.onnx.fit.TrainingListener;
import weka.gui.Logger;

import javax.swing.SwingUtilities;
import java.awt.Component;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reports training to Weka: one line per epoch in the Explorer's log, the epoch's progress on its
 * status line, and, without a GUI log, the epoch lines on standard error in debug mode. Training
 * stops (keeping the network trained so far, and saying so) when its thread is interrupted, which
 * is what the Explorer's Stop button does.
 */
public final class WekaProgress implements TrainingListener {

    private final String name;
    private final Logger log;
    private final boolean debug;
    private int planned;

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
    public void onStart(int epochs, int stepsPerEpoch, int examples) {
        planned = epochs;
    }

    @Override
    public void onNotice(String message) {
        report(name + ": note: " + message);
    }

    @Override
    public void onSteps(int epoch, int stepsDone, int stepsPerEpoch, double meanLoss) {
        if (log != null) {
            String line = String.format(Locale.ROOT, "%s: epoch %d, %d%% (loss %.4f)", name, epoch,
                    100 * stepsDone / stepsPerEpoch, meanLoss);
            toLog(l -> l.statusMessage(line));
        }
    }

    @Override
    public void onEpoch(EpochReport r) {
        report(name + ": " + r.describe());
    }

    /**
     * Training ended: says so when it was stopped on request, and waits until a Swing log has shown
     * every message, so that the caller's own messages (the Explorer's "OK" or "Interrupted") come
     * after them. The thread's interrupt status is kept for the caller.
     * @param result how the training run ended
     */
    public void finished(FitResult result) {
        if (result.stopReason() == StopReason.STOP_REQUESTED) {
            report(String.format(Locale.ROOT, "%s: stopped on request after %d of %d epochs; the network trained"
                    + " so far is kept", name, result.history().size(), planned));
        } else if (result.stopReason() != StopReason.COMPLETED) {
            report(name + ": " + result.summary());
        }
        if (log instanceof Component && !SwingUtilities.isEventDispatchThread()) {
            boolean interrupted = Thread.interrupted();
            try {
                SwingUtilities.invokeAndWait(() -> { });
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report(String line) {
        if (log != null) {
            toLog(l -> {
                l.logMessage(line);
                l.statusMessage(line);
            });
        } else if (debug) {
            System.err.println(line);
        }
    }

    /**
     * Passes a message to the log: a Swing log (the Explorer's) on the event thread, because Swing
     * drawing text on the training thread can clear its interrupt status (the JDK's font loading
     * calls Thread.interrupted()) and so lose the Stop button's request.
     */
    private void toLog(Consumer<Logger> call) {
        if (log instanceof Component) {
            SwingUtilities.invokeLater(() -> call.accept(log));
        } else {
            call.accept(log);
        }
    }

    @Override
    public boolean stopRequested() {
        return Thread.currentThread().isInterrupted();
    }
}
