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
 * After the first measured epoch it prints how long the missing trials will take.
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
     * @param work how it is trained
     * @param <T> the trial type
     */
    record Planned<T>(String key, String label, Work<T> work) {
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
        int missing = 0;
        for (Planned<T> p : plan) {
            missing += store.find(p.key()).isPresent() ? 0 : 1;
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
                    listeners.add(new Estimate(missing));
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

    /** Prints, after the first measured epoch, how long the missing trials will take. */
    private final class Estimate implements TrainingListener {
        private final int remaining;
        private boolean printed;

        Estimate(int remaining) {
            this.remaining = remaining;
        }

        @Override
        public void onEpoch(EpochReport r) {
            if (!printed) {
                printed = true;
                double minutes = r.seconds() * r.epochs() * remaining / 60;
                out.printf(Locale.ROOT, "Estimate on %s from one measured epoch (%.1f s): %d trial(s) x %d epochs"
                        + " = about %.1f minutes (%.1f hours)%n", device, r.seconds(), remaining, r.epochs(), minutes,
                        minutes / 60);
            }
        }
    }
}
