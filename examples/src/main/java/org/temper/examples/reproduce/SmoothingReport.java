package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The smoothing experiment's results as a {@link Report}: tables of our numbers beside the published
 * ones with the differences, the settings, the notes and the figures' files.
 *
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param published the published numbers, null when there are none for the data
 * @param summaries one per alpha
 * @param trials every trial
 * @param figures figure name to its PNG file, relative to the report
 */
record SmoothingReport(Experiment experiment, RunInfo run, PublishedSmoothing published,
                       List<AlphaSummary> summaries, List<SmoothingTrial> trials, Map<String, String> figures) {

    /** @return the report */
    Report report() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("published", published);
        results.put("summaries", summaries);
        results.put("trials", trials);
        return new Report(title(), experiment, run, notes(), tables(), figures, results);
    }

    private String title() {
        return "Label smoothing and calibration: " + (published == null ? experiment.data() : published.dataset())
                + " (" + (experiment.scale().full() ? "full" : "quick") + ")";
    }

    private List<String> notes() {
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
        notes.add(s.heldOut() > 0 ? String.format(Locale.ROOT, "Temperatures are fitted on %,d held-out training"
                + " images that no trial trains on, not on the test set (the replication's code picks T on the test"
                + " set); ECE after scaling is measured on the test set.", s.heldOut())
                : "No training image is held out: the nets train on all of them and the temperatures are fitted on"
                + " the test set, as the replication's code does, so ECE after scaling is optimistic.");
        notes.add("ECE: 15 equal-width bins [b/15, (b+1)/15), confidence 1.0 in the last bin, as the replication.");
        if (published == null) {
            notes.add("No published numbers for " + experiment.data() + ": the replication reports Fashion-MNIST,"
                    + " MNIST and EMNIST balanced.");
        }
        return notes;
    }

    private List<Table> tables() {
        return List.of(perAlpha(), temperatures(), settings(), trialTable());
    }

    private Table perAlpha() {
        List<List<String>> rows = new ArrayList<>();
        for (AlphaSummary a : summaries) {
            Double published = a.publishedAccuracy() == null ? null : 100 * a.publishedAccuracy();
            rows.add(List.of(Cells.number(a.alpha(), 2), cells().percent(a.accuracy()),
                    Cells.percent(a.publishedAccuracy()), Cells.difference(100 * a.accuracy().mean(), published, 2),
                    cells().stat(a.ece(), 4), Cells.number(a.publishedEce(), 4),
                    Cells.difference(a.ece().mean(), a.publishedEce(), 4), cells().stat(a.nll(), 4),
                    cells().stat(a.meanConfidence(), 4)));
        }
        return new Table("Test accuracy and ECE per alpha", List.of("alpha", "accuracy % (ours)",
                "accuracy % (published)", "difference (points)", "ECE (ours)", "ECE (published)", "difference",
                "NLL (ours)", "mean confidence (ours)"), rows);
    }

    private Table temperatures() {
        AlphaSummary hard = summaries.get(0);
        Double t = published == null ? null : published.temperature();
        Double after = published == null ? null : published.eceAfter();
        String on = experiment.scale().heldOut() > 0 ? "held-out training images" : "the test set";
        return new Table("Temperature scaling of the hard-target net (alpha 0), fitted on " + on,
                List.of("fitted by", "T (ours)", "T (published)", "test ECE after (ours)", "test ECE after (published)",
                        "difference"), List.of(
                List.of("ECE on a grid 0.05..5 by 0.01 (as the replication)", cells().stat(hard.temperatureEce(), 3),
                        Cells.number(t, 2), cells().stat(hard.eceAfterEce(), 4), Cells.number(after, 4),
                        Cells.difference(hard.eceAfterEce().mean(), after, 4)),
                List.of("NLL", cells().stat(hard.temperatureNll(), 3), "", cells().stat(hard.eceAfterNll(), 4), "",
                        ""),
                List.of("none (alpha 0 as trained)", "1", "1", cells().stat(hard.ece(), 4),
                        Cells.number(published == null ? null : published.ece().get(0), 4), "")));
    }

    private Table settings() {
        return Table.settings(experiment, run, Map.of("alphas", PublishedSmoothing.ALPHAS + " (0 = hard targets)"));
    }

    private Table trialTable() {
        List<List<String>> rows = new ArrayList<>();
        for (SmoothingTrial t : trials) {
            rows.add(List.of(Cells.number(t.alpha(), 2), Long.toString(t.seed()),
                    Cells.number(100 * t.test().accuracy(), 2), Cells.number(t.test().ece(), 4),
                    Cells.number(t.temperatureNll(), 3), Cells.number(t.temperatureEce(), 2),
                    Cells.number(t.seconds(), 0)));
        }
        return new Table("Trials", List.of("alpha", "seed", "accuracy %", "ECE", "T by NLL", "T by ECE", "seconds"),
                rows);
    }

    private Cells cells() {
        return new Cells(experiment.seeds());
    }
}
