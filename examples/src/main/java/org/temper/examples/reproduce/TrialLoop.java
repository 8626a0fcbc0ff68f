package org.temper.examples.reproduce;

import org.temper.examples.ConsoleProgress;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * An experiment's planned trials and how they run: a trial stored in the {@link TrialStore} is read
 * back; the others are trained in this thread, in order (with per-epoch progress on the console and,
 * after the first measured epoch, how long the missing trials will take, each epoch's time scaled by
 * its trial's relative cost when the plan mixes network sizes), or handed stage by stage to a
 * {@link TrialExecutor} that runs them elsewhere into the same folder. A trial that throws or diverges
 * is recorded as failed with its message ({@link FailedTrial}) and the others go on; a rerun tries it
 * again. Either way every trial is read back from the folder, so that the report is the same.
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
     * @param stage trials of a stage need only stored trials of earlier stages (0 first), so that
     *        the trials of one stage can run at the same time
     * @param work how it is trained
     * @param <T> the trial type
     */
    record Planned<T>(String key, String label, double cost, int stage, Work<T> work) {
        /**
         * A trial of the first stage, as costly as every other of the plan.
         * @param key its file name in trials/ (without .json)
         * @param label what the console calls it
         * @param work how it is trained
         */
        Planned(String key, String label, Work<T> work) {
            this(key, label, 1, 0, work);
        }
    }

    /**
     * @param trials every finished trial, in the plan's order
     * @param failed every failed trial, in the plan's order
     * @param trained how many were trained by this run (the rest were read back)
     * @param <T> the trial type
     */
    record Outcome<T extends Measured>(List<T> trials, List<FailedTrial> failed, int trained) {
        /** @return the seconds of every trial's training and measuring, earlier runs' included */
        double trialSeconds() {
            return trials.stream().mapToDouble(Measured::seconds).sum();
        }

        /** @return the command's exit code: 0 when every trial finished, 1 when some failed */
        int exitCode() {
            return failed.isEmpty() ? 0 : 1;
        }
    }

    private final TrialStore<T> store;
    private final String device;
    private final List<Planned<T>> plan;
    private final Function<T, String> summary;

    /**
     * @param store the experiment's folder
     * @param device the device the trials train on, for the estimate
     * @param plan the trials in order, every stage's after the earlier stages'
     * @param summary one line of a finished trial's figures, for the console
     */
    TrialLoop(TrialStore<T> store, String device, List<Planned<T>> plan, Function<T, String> summary) {
        this.store = store;
        this.device = device;
        this.plan = List.copyOf(plan);
        this.summary = summary;
    }

    /**
     * Runs the missing trials and reads every trial back. When any trial is missing, a report in the
     * folder (of an earlier run whose trials failed or were removed since) is removed first, so that
     * this run's report replaces it.
     * @param out the console
     * @param executor where the missing trials run, or null for this thread
     * @return the trials, read back or trained, and the failures
     * @throws Exception when the executor cannot run the trials or a trial cannot be read
     */
    Outcome<T> run(PrintStream out, TrialExecutor executor) throws Exception {
        List<Planned<T>> missing = new ArrayList<>();
        for (Planned<T> p : plan) {
            if (store.find(p.key()).isEmpty()) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            Outputs.clear(store.folder());
        }
        if (executor != null) {
            for (int stage : missing.stream().map(Planned::stage).distinct().sorted().toList()) {
                List<String> keys = missing.stream().filter(p -> p.stage() == stage).map(Planned::key).toList();
                out.printf(Locale.ROOT, "Running %d trial(s) of stage %d as tasks%n", keys.size(), stage);
                executor.run(keys);
            }
        }
        List<T> trials = new ArrayList<>();
        List<FailedTrial> failed = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned<T> p = plan.get(i);
            String label = String.format(Locale.ROOT, "[%d/%d] %s", i + 1, plan.size(), p.label());
            if (!missing.contains(p)) {
                out.println(label + ": read back from " + store.folder().resolve("trials"));
            } else if (executor == null) {
                List<TrainingListener> listeners = new ArrayList<>(List.of(new ConsoleProgress(label, out)));
                if (missing.indexOf(p) == 0) {
                    listeners.add(new Estimate(out, p.cost(), missing));
                }
                runHere(p, listeners);
            }
            Optional<T> trial = store.find(p.key());
            if (trial.isPresent()) {
                out.printf(Locale.ROOT, "%s: %s (%.0f s)%n", label, summary.apply(trial.get()), trial.get().seconds());
                trials.add(trial.get());
            } else {
                FailedTrial f = store.failure(p.key()).orElseThrow(() -> new IOException("trial " + p.key()
                        + " was neither stored nor recorded as failed in " + store.folder()));
                out.printf(Locale.ROOT, "%s: FAILED on %s: %s%n", label, f.host(), f.message());
                failed.add(f);
            }
        }
        return new Outcome<>(trials, failed, (int) missing.stream().filter(p -> !failed.stream()
                .map(FailedTrial::key).toList().contains(p.key())).count());
    }

    /**
     * Runs one trial of the plan in this thread, as a task does: unless it is stored (by an earlier
     * attempt), it is trained and stored, or recorded as failed.
     * @param key the trial's key
     * @param out where its per-epoch progress goes
     * @throws IOException when its failure cannot be recorded
     * @throws IllegalArgumentException when the plan has no such trial
     */
    void runOne(String key, PrintStream out) throws IOException {
        Planned<T> p = plan.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no trial '" + key + "' in the plan of " + store.folder()));
        if (store.find(key).isEmpty()) {
            runHere(p, List.of(new ConsoleProgress(p.label(), out)));
        }
    }

    private void runHere(Planned<T> p, List<TrainingListener> listeners) throws IOException {
        try {
            store.save(p.key(), p.work().run(listeners));
        } catch (Exception e) {
            if (store.find(p.key()).isEmpty()) {
                store.fail(FailedTrial.of(p.key(), p.label(), e));
            }
        }
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
        private final PrintStream out;
        private final double measuredCost;
        private final List<Planned<T>> remaining;
        private boolean printed;

        Estimate(PrintStream out, double measuredCost, List<Planned<T>> remaining) {
            this.out = out;
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
