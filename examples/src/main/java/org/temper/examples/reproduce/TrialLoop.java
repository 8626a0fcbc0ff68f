package org.temper.examples.reproduce;

import org.temper.examples.ConsoleProgress;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an experiment's planned trials in order: a trial stored in the {@link TrialStore} is read back,
 * any other is trained (with per-epoch progress on the console) and stored before the next begins.
 * After the first measured epoch it prints how long the missing trials will take, scaling that epoch's
 * time by each trial's relative cost when the plan mixes network sizes.
 *
 * @param <T> the experiment's trial type
 */
final class TrialLoop<T extends Measured> {

    /**
     * What one trial does when it is not stored yet.
     * @param <T> the trial type
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param listeners progress listeners to pass to every training the trial runs
         * @return the finished trial
         * @throws Exception when training or measuring fails
         */
        T run(List<TrainingListener> listeners) throws Exception;
    }

    /**
     * One trial of the plan.
     * @param key its file name in trials/ (without .json)
     * @param label what the console calls it
     * @param cost its time per epoch relative to the plan's other trials (e.g. its network's
     *        parameter count), for the estimate
     * @param work how it is trained
     * @param <T> the trial type
     */
    record Planned<T>(String key, String label, double cost, Work<T> work) {
        /**
         * A trial as costly as every other of the plan.
         * @param key its file name in trials/ (without .json)
         * @param label what the console calls it
         * @param work how it is trained
         */
        Planned(String key, String label, Work<T> work) {
            this(key, label, 1, work);
        }
    }

    /**
     * @param trials every trial, in the plan's order
     * @param trained how many were trained by this run (the rest were read back)
     * @param <T> the trial type
     */
    record Outcome<T extends Measured>(List<T> trials, int trained) {
        /** @return the seconds of every trial's training and measuring, earlier runs' included */
        double trialSeconds() {
            return trials.stream().mapToDouble(Measured::seconds).sum();
        }
    }

    private final TrialStore<T> store;
    private final String device;
    private final PrintStream out;

    /**
     * @param store the experiment's folder
     * @param device the device the trials train on, for the estimate
     * @param out the console
     */
    TrialLoop(TrialStore<T> store, String device, PrintStream out) {
        this.store = store;
        this.device = device;
        this.out = out;
    }

    /**
     * @param plan the trials in order
     * @param summary one line of a finished trial's figures, for the console
     * @return the trials, read back or trained
     * @throws Exception when a trial fails or cannot be stored
     */
    Outcome<T> run(List<Planned<T>> plan, Function<T, String> summary) throws Exception {
        List<Planned<T>> missing = new ArrayList<>();
        for (Planned<T> p : plan) {
            if (store.find(p.key()).isEmpty()) {
                missing.add(p);
            }
        }
        List<T> trials = new ArrayList<>();
        int trained = 0;
        for (Planned<T> p : plan) {
            String label = String.format(Locale.ROOT, "[%d/%d] %s", trials.size() + 1, plan.size(), p.label());
            Optional<T> stored = store.find(p.key());
            T trial;
            if (stored.isPresent()) {
                trial = stored.get();
                out.println(label + ": read back from " + store.folder().resolve("trials"));
            } else {
                List<TrainingListener> listeners = new ArrayList<>(List.of(new ConsoleProgress(label, out)));
                if (trained == 0) {
                    listeners.add(new Estimate(p.cost(), missing));
                }
                trial = p.work().run(listeners);
                store.save(p.key(), trial);
                trained++;
            }
            out.printf(Locale.ROOT, "%s: %s (%.0f s)%n", label, summary.apply(trial), trial.seconds());
            trials.add(trial);
        }
        return new Outcome<>(trials, trained);
    }

    /**
     * @param epochSeconds the measured epoch's seconds
     * @param measuredCost the cost of the trial it belongs to
     * @param remainingCost the summed cost of the trials still to train, that one's included
     * @param epochs epochs per trial
     * @return the minutes they will take, each epoch's time proportional to its trial's cost
     */
    static double minutes(double epochSeconds, double measuredCost, double remainingCost, int epochs) {
        return epochSeconds / measuredCost * remainingCost * epochs / 60;
    }

    /** Prints, after the first measured epoch, how long the missing trials will take. */
    private final class Estimate implements TrainingListener {
        private final double measuredCost;
        private final List<Planned<T>> remaining;
        private boolean printed;

        Estimate(double measuredCost, List<Planned<T>> remaining) {
            this.measuredCost = measuredCost;
            this.remaining = remaining;
        }

        @Override
        public void onEpoch(EpochReport r) {
            if (!printed) {
                printed = true;
                double cost = remaining.stream().mapToDouble(Planned::cost).sum();
                boolean mixed = remaining.stream().anyMatch(p -> p.cost() != measuredCost);
                double minutes = minutes(r.seconds(), measuredCost, cost, r.epochs());
                out.printf(Locale.ROOT, "Estimate on %s from one measured epoch (%.1f s): %d trial(s) x %d epochs"
                        + " = about %.1f minutes (%.1f hours)%s%n", device, r.seconds(), remaining.size(), r.epochs(),
                        minutes, minutes / 60, mixed ? "; approximate: the other trials' epochs are scaled from this"
                                + " one by their relative cost" : "");
            }
        }
    }
}
