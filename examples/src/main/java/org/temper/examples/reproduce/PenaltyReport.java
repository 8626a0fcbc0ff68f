package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The penalty experiment's results as a {@link Report}: our figures per configuration, the published
 * MNIST numbers as context (with the difference only when the data is MNIST), the settings, the notes
 * and the figures' files.
 *
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param dataset the data set's name
 * @param mnist true when the data is MNIST, the published numbers' data set
 * @param summaries one per configuration, in the experiment's order
 * @param trials every trial
 * @param figures figure name to its PNG file, relative to the report
 */
record PenaltyReport(Experiment experiment, RunInfo run, String dataset, boolean mnist,
                     List<PenaltySummary> summaries, List<PenaltyTrial> trials, Map<String, String> figures) {

    /** @return the report */
    Report report() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("hingeThreshold", PenaltyExperiment.hingeThreshold(experiment.classes()));
        results.put("published", PublishedPenalty.ROWS);
        results.put("summaries", summaries);
        results.put("trials", trials);
        String title = "The confidence penalty and calibration: " + dataset + " ("
                + (experiment.scale().full() ? "full" : "quick") + ")";
        return new Report(title, experiment, run, notes(), List.of(perConfiguration(), published(), settings(),
                trialTable()), figures, results);
    }

    private List<String> notes() {
        Scale s = experiment.scale();
        int k = experiment.classes();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Each configuration trains the replication's MLP 784-1200-1200-%d on %,d"
                + " training images for %d epochs, seeds 1 to %d; the tables give the mean (and the standard deviation"
                + " over seeds when there are several) on %s test images. The confidence penalty is"
                + " L = CE(y, p) - b H(p) (Pereyra et al. 2017); b = 0 is the hard-target net, trained once and the"
                + " first point of every curve.", k, s.trainExamples(), s.epochs(), experiment.seeds(),
                s.testExamples() == 0 ? "all" : String.format(Locale.ROOT, "%,d", s.testExamples())));
        Scale full = PenaltyExperiment.FULL;
        if (s.epochs() < full.epochs() || s.trainExamples() < full.trainExamples()) {
            notes.add("This is a shortened run (the replication's recipe trains 100 epochs on all training images):"
                    + " its accuracies are well below a full run's; what it shows is the trend of ECE and entropy"
                    + " with b.");
        }
        notes.add(String.format(Locale.ROOT, "Variants: constant b; b annealed linearly from 0 at the first step to b"
                + " at the last (the engine's annealing = linear, per step); the hinge L = CE + b max(0, G - H(p))"
                + " with G = %.3f nats, the entropy of label smoothing's target at alpha %.1f for K = %d, so that"
                + " the hinge penalises exactly the predictions more confident than that target (ln K = %.3f is the"
                + " largest entropy).", PenaltyExperiment.hingeThreshold(k), PenaltyExperiment.SMOOTHING_ALPHA, k,
                Math.log(k)));
        notes.add(String.format(Locale.ROOT, "Label smoothing uses alpha %.1f, Pereyra et al.'s setting and the usual"
                + " default (the replication's Fashion-MNIST table has no better alpha for accuracy: alpha 0 is"
                + " best there); the class project's 0.05 differs.", PenaltyExperiment.SMOOTHING_ALPHA));
        notes.add("The optimum confidence is the true class's probability at which one training example's loss is"
                + " smallest if the network could output anything: 1 for hard targets, 1 - alpha + alpha/K for label"
                + " smoothing, the root of 1/q = b ln((K - 1) q / (1 - q)) for the penalty (the annealed penalty's at"
                + " its last step), and the larger of that and the q whose entropy is G for the hinge.");
        notes.add("ECE: 15 equal-width bins [b/15, (b+1)/15), confidence 1.0 in the last bin, as the replication."
                + " Entropy in nats.");
        notes.add("The published numbers are MNIST test accuracies of other networks (Pereyra et al.: 2x1024 with"
                + " dropout, b and alpha tuned; a class project: one hidden layer of 1200) and say nothing of"
                + " calibration: " + (mnist ? "the difference column compares values on the same data, but not the"
                + " same network or training." : "they are context only, comparable with ours in the direction of"
                + " the gain over each source's baseline, not in value.") + " 'best constant b' is picked on the"
                + " test set, which flatters it.");
        return notes;
    }

    private Table perConfiguration() {
        List<List<String>> rows = new ArrayList<>();
        Cells c = cells();
        for (PenaltySummary s : summaries) {
            MeasurementStats t = s.test();
            rows.add(List.of(s.configuration().label(), c.percent(t.accuracy()), c.stat(t.ece(), 4),
                    c.stat(t.nll(), 4), c.stat(t.meanConfidence(), 4), c.stat(t.meanEntropy(), 3),
                    Cells.number(s.optimumConfidence(), 4)));
        }
        return new Table("Test figures per configuration", List.of("configuration", "accuracy %", "ECE", "NLL",
                "mean confidence", "mean entropy (nats)", "optimum confidence (one example)"), rows);
    }

    private Table published() {
        PenaltySummary hard = find("hard");
        List<List<String>> rows = new ArrayList<>();
        for (PublishedPenalty p : PublishedPenalty.ROWS) {
            PenaltySummary ours = p.ours().equals(PublishedPenalty.BEST_PENALTY) ? bestPenalty() : find(p.ours());
            double acc = 100 * ours.test().accuracy().mean();
            List<String> row = new ArrayList<>(List.of(p.source(), p.network(), p.objective(),
                    Cells.percent(p.accuracy()), Cells.difference(p.gain(), 0.0, 2),
                    ours.configuration().label() + (p.ours().equals(PublishedPenalty.BEST_PENALTY)
                            ? " (best constant b)" : ""), Cells.number(acc, 2),
                    Cells.difference(acc, 100 * hard.test().accuracy().mean(), 2)));
            if (mnist) {
                row.add(Cells.difference(acc, 100 * p.accuracy(), 2));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("source", "their data and network", "their objective",
                "accuracy % (published)", "gain over their baseline (points)", "ours beside it",
                "accuracy % (ours, " + dataset + ")", "gain over our hard targets (points)"));
        if (mnist) {
            header.add("difference (points, other networks)");
        }
        return new Table(mnist ? "Published MNIST numbers (other networks than ours)"
                : "Published MNIST numbers, for context only (other data and networks than ours)", header, rows);
    }

    private PenaltySummary find(String key) {
        return summaries.stream().filter(s -> s.configuration().key().equals(key)).findFirst().orElseThrow();
    }

    private PenaltySummary bestPenalty() {
        return summaries.stream().filter(s -> s.configuration().variant() == PenaltyConfiguration.Variant.CONSTANT)
                .max(Comparator.comparingDouble(s -> s.test().accuracy().mean())).orElseThrow();
    }

    private Table settings() {
        return Table.settings(experiment, run, Map.of(
                "objectives", "hard targets; label smoothing alpha " + PenaltyExperiment.SMOOTHING_ALPHA
                        + "; confidence penalty b in " + PenaltyExperiment.WEIGHTS.subList(1,
                        PenaltyExperiment.WEIGHTS.size()) + ", constant, annealed linearly, with hinge",
                "hinge threshold G", String.format(Locale.ROOT, "%.4f nats",
                        PenaltyExperiment.hingeThreshold(experiment.classes()))));
    }

    private Table trialTable() {
        List<List<String>> rows = new ArrayList<>();
        for (PenaltyTrial t : trials) {
            rows.add(List.of(t.configuration().label(), Long.toString(t.seed()),
                    Cells.number(100 * t.test().accuracy(), 2), Cells.number(t.test().ece(), 4),
                    Cells.number(t.test().nll(), 4), Cells.number(t.test().meanEntropy(), 3),
                    Cells.number(t.seconds(), 0)));
        }
        return new Table("Trials", List.of("configuration", "seed", "accuracy %", "ECE", "NLL", "mean entropy",
                "seconds"), rows);
    }

    private Cells cells() {
        return new Cells(experiment.seeds());
    }
}
