package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The information experiment's results as a {@link Report}: the formula as computed, the estimate per
 * epoch and net (mean over seeds), the nets' test figures, the settings, the trials and the figure.
 *
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param classNames the two classes' names
 * @param examples N
 * @param trials every trial
 * @param figures figure name to its PNG file, relative to the report
 */
record InformationReport(Experiment experiment, RunInfo run, List<String> classNames, int examples,
                         List<InformationTrial> trials, Map<String, String> figures) {

    /** @return the report */
    Report report() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("classes", classNames);
        results.put("examples", examples);
        results.put("passes", InformationExperiment.PASSES);
        results.put("logN", Math.log(examples));
        results.put("trials", trials);
        return new Report("Mutual information between an example and its logits: " + experiment.data() + " ("
                + (experiment.scale().full() ? "full" : "quick") + ")", experiment, run, notes(),
                List.of(perEpoch(), tests(), Table.settings(experiment, run, Map.of("alphas",
                        InformationExperiment.ALPHAS + " (0 = hard targets)", "probe", String.format(Locale.ROOT,
                        "N = %d training images (%d each of %s), %d passes with random shifts of up to %s pixels",
                        examples, examples / 2, String.join(" and ", classNames), InformationExperiment.PASSES,
                        experiment.recipe().get("augmentShift")))), trialTable()), figures, results);
    }

    private List<String> notes() {
        Scale s = experiment.scale();
        return List.of(String.format(Locale.ROOT, "Each teacher is the replication's MLP 784-1200-1200-%d trained on"
                + " %,d images for %d epochs (seeds 1 to %d). After every epoch the network is shown N = %d of its"
                + " training images (the first %d of %s each), each in P = %d passes with a random shift of up to"
                + " %s pixels, the same shifts after every epoch and for both nets.", experiment.classes(),
                s.trainExamples(), s.epochs(), experiment.seeds(), examples, examples / 2,
                String.join(" and ", classNames), InformationExperiment.PASSES, experiment.recipe().get("augmentShift")),
                String.format(Locale.ROOT, "Y is the difference of the two class logits, z_%s - z_%s. With y_xp the value"
                + " for example x in pass p, mu_x = (1/P) sum_p y_xp and sigma^2 = (1/N) sum_x (1/(P-1)) sum_p"
                + " (y_xp - mu_x)^2 (one shared variance, Y given X = x taken as N(mu_x, sigma^2)), the estimate is"
                + " I(X; Y) = log N - (1/N) sum_x log sum_x' exp(-(mu_x - mu_x')^2 / (2 sigma^2)) in nats: 0 when"
                + " every example gives the same logits, log N = %.3f when every example is told apart.",
                classNames.get(0), classNames.get(1), Math.log(examples)),
                "Mueller et al.'s claim: with label smoothing the estimate falls during training (the logits forget"
                + " which example they came from, erasing what distillation needs), without it it stays high. The"
                + " replication could not reproduce their curve; neither paper publishes numbers to compare with.");
    }

    private Table perEpoch() {
        Cells cells = new Cells(experiment.seeds());
        List<List<String>> rows = new ArrayList<>();
        int epochs = trials.get(0).information().size();
        List<List<InformationTrial>> nets = InformationExperiment.ALPHAS.stream()
                .map(a -> trials.stream().filter(t -> t.alpha() == a).toList()).toList();
        for (int e = 0; e < epochs; e++) {
            int at = e;
            List<String> row = new ArrayList<>(List.of(Integer.toString(e + 1)));
            for (List<InformationTrial> of : nets) {
                row.add(cells.stat(Stat.of(of, t -> t.information().get(at).estimate().information()), 3));
            }
            for (List<InformationTrial> of : nets) {
                row.add(cells.stat(Stat.of(of, t -> t.information().get(at).estimate().noise()), 4));
                row.add(cells.stat(Stat.of(of, t -> t.information().get(at).estimate().signal()), 3));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("epoch"));
        InformationExperiment.ALPHAS.forEach(a -> header.add("I(X;Y) nats, " + ProjectionReport.net(a)));
        InformationExperiment.ALPHAS.forEach(a -> {
            header.add("sigma², " + ProjectionReport.net(a));
            header.add("variance of mu_x, " + ProjectionReport.net(a));
        });
        return new Table(String.format(Locale.ROOT, "The estimate after each epoch (log N = %.3f)",
                Math.log(examples)), header, rows);
    }

    private Table tests() {
        Cells cells = new Cells(experiment.seeds());
        List<List<String>> rows = new ArrayList<>();
        for (double alpha : InformationExperiment.ALPHAS) {
            List<InformationTrial> of = trials.stream().filter(t -> t.alpha() == alpha).toList();
            rows.add(List.of(ProjectionReport.net(alpha), cells.percent(Stat.of(of, t -> t.test().accuracy())),
                    cells.stat(Stat.of(of, t -> t.test().ece()), 4)));
        }
        return new Table("The teachers on the whole test set", List.of("net", "accuracy %", "ECE (15 bins)"), rows);
    }

    private Table trialTable() {
        List<List<String>> rows = new ArrayList<>();
        for (InformationTrial t : trials) {
            rows.add(List.of(Cells.number(t.alpha(), 2), Long.toString(t.seed()),
                    Cells.number(100 * t.test().accuracy(), 2),
                    Cells.number(t.information().get(t.information().size() - 1).estimate().information(), 3),
                    Cells.number(t.seconds(), 0)));
        }
        return new Table("Trials", List.of("alpha", "seed", "accuracy %", "I(X;Y) after the last epoch", "seconds"),
                rows);
    }
}
