package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The smoothing experiment's results as a report's content: tables of our numbers beside the
 * published ones with the differences, the settings, the notes and the figures' files. Rendered by
 * {@link HtmlReport} and {@link MarkdownReport}, serialised by {@link ResultsJson}.
 *
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param published the published numbers, null when there are none for the data
 * @param summaries one per alpha
 * @param trials every trial
 * @param figures figure name to its PNG file, relative to the report
 */
record SmoothingReport(Experiment experiment, RunInfo run, PublishedSmoothing published,
                       List<AlphaSummary> summaries, List<Trial> trials, Map<String, String> figures) {

    /** @return the report's title */
    String title() {
        return "Label smoothing and calibration: " + (published == null ? experiment.data() : published.dataset())
                + " (" + (experiment.scale().epochs() >= Scale.FULL.epochs() ? "full" : "quick") + ")";
    }

    /** @return the paragraphs that explain the tables */
    List<String> notes() {
        Scale s = experiment.scale();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Each alpha trains the replication's MLP 784-1200-1200-%d on %,d training"
                + " images for %d epochs, seeds 1 to %d; the table gives the mean (and the standard deviation over"
                + " seeds when there are several) on %s test images.", experiment.classes(), s.trainExamples(),
                s.epochs(), experiment.seeds(), s.testExamples() == 0 ? "all" : String.format(Locale.ROOT, "%,d",
                s.testExamples())));
        if (s.epochs() < Scale.FULL.epochs() || s.trainExamples() < Scale.FULL.trainExamples()) {
            notes.add("This is a shortened run (the replication trains 100 epochs on all training images): its numbers"
                    + " are not expected to match the published ones, only their trend, ECE rising with alpha.");
        }
        notes.add(String.format(Locale.ROOT, "Temperatures are fitted on %,d held-out training images that no trial"
                + " trains on, not on the test set (the replication's code picks T on the test set); ECE after"
                + " scaling is measured on the test set.", s.heldOut()));
        notes.add("ECE: 15 equal-width bins [b/15, (b+1)/15), confidence 1.0 in the last bin, as the replication.");
        if (published == null) {
            notes.add("No published numbers for " + experiment.data() + ": the replication reports Fashion-MNIST,"
                    + " MNIST and EMNIST balanced.");
        }
        return notes;
    }

    /** @return the tables: per alpha, temperature scaling, settings, trials */
    List<Table> tables() {
        return List.of(perAlpha(), temperatures(), settings(), trialTable());
    }

    private Table perAlpha() {
        List<List<String>> rows = new ArrayList<>();
        for (AlphaSummary a : summaries) {
            rows.add(List.of(number(a.alpha(), 2), percent(a.accuracy()), percent(a.publishedAccuracy()),
                    difference(100 * a.accuracy().mean(), a.publishedAccuracy() == null ? null
                            : 100 * a.publishedAccuracy(), 2), stat(a.ece(), 4), number(a.publishedEce(), 4),
                    difference(a.ece().mean(), a.publishedEce(), 4), stat(a.nll(), 4), stat(a.meanConfidence(), 4)));
        }
        return new Table("Test accuracy and ECE per alpha", List.of("alpha", "accuracy % (ours)",
                "accuracy % (published)", "difference (points)", "ECE (ours)", "ECE (published)", "difference",
                "NLL (ours)", "mean confidence (ours)"), rows);
    }

    private Table temperatures() {
        AlphaSummary hard = summaries.get(0);
        Double t = published == null ? null : published.temperature();
        Double after = published == null ? null : published.eceAfter();
        return new Table("Temperature scaling of the hard-target net (alpha 0), fitted on held-out training images",
                List.of("fitted by", "T (ours)", "T (published)", "test ECE after (ours)", "test ECE after (published)",
                        "difference"), List.of(
                List.of("ECE on a grid 0.05..5 by 0.01 (as the replication)", stat(hard.temperatureEce(), 3),
                        number(t, 2), stat(hard.eceAfterEce(), 4), number(after, 4),
                        difference(hard.eceAfterEce().mean(), after, 4)),
                List.of("NLL", stat(hard.temperatureNll(), 3), "", stat(hard.eceAfterNll(), 4), "", ""),
                List.of("none (alpha 0 as trained)", "1", "1", stat(hard.ece(), 4),
                        number(published == null ? null : published.ece().get(0), 4), "")));
    }

    private Table settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", experiment.data() + " (" + experiment.classes() + " classes)");
        Scale s = experiment.scale();
        m.put("images", String.format(Locale.ROOT, "%,d training, %,d held-out, %s test", s.trainExamples(),
                s.heldOut(), s.testExamples() == 0 ? "all" : Integer.toString(s.testExamples())));
        m.put("seeds", "1.." + experiment.seeds());
        m.put("alphas", experiment.alphas().toString() + " (0 = hard targets)");
        m.putAll(experiment.recipe());
        m.put("device", run.device());
        m.put("Temper", run.temper());
        m.put("ONNX Runtime", run.onnxRuntime());
        m.put("Java", run.java());
        m.put("machine", run.os() + ", " + run.cores() + " processors");
        m.put("wall time of this run", String.format(Locale.ROOT, "%.0f s (%d trials trained, %d read back)",
                run.wallSeconds(), run.trained(), run.readBack()));
        m.put("time of all trials", String.format(Locale.ROOT, "%.0f s", run.trialSeconds()));
        m.put("finished", run.finished());
        List<List<String>> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(List.of(k, v)));
        return new Table("Settings", List.of("setting", "value"), rows);
    }

    private Table trialTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Trial t : trials) {
            rows.add(List.of(number(t.alpha(), 2), Long.toString(t.seed()), number(100 * t.accuracy(), 2),
                    number(t.ece(), 4), number(t.temperatureNll(), 3), number(t.temperatureEce(), 2),
                    number(t.seconds(), 0)));
        }
        return new Table("Trials", List.of("alpha", "seed", "accuracy %", "ECE", "T by NLL", "T by ECE", "seconds"),
                rows);
    }

    private String stat(Stat s, int digits) {
        return experiment.seeds() > 1 ? number(s.mean(), digits) + " ± " + number(s.std(), digits)
                : number(s.mean(), digits);
    }

    private String percent(Stat s) {
        return stat(new Stat(100 * s.mean(), 100 * s.std()), 2);
    }

    private static String percent(Double v) {
        return v == null ? "" : number(100 * v, 2);
    }

    private static String number(Double v, int digits) {
        return v == null ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String difference(double ours, Double published, int digits) {
        return published == null ? "" : String.format(Locale.ROOT, "%+." + digits + "f", ours - published);
    }
}
