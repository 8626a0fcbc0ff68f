package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The projection experiment's results as a {@link Report}: the clusters' shape per net and images
 * (mean over seeds), the nets' test figures, the settings, the trials and the figure.
 *
 * @param experiment the experiment's identity
 * @param run where and how it ran
 * @param classNames the three classes' names
 * @param trials every trial
 * @param figures figure name to its PNG file, relative to the report
 */
record ProjectionReport(Experiment experiment, RunInfo run, List<String> classNames, List<ProjectionTrial> trials,
                        Map<String, String> figures) {

    /**
     * @param alpha a configuration
     * @return how the report names its net
     */
    static String net(double alpha) {
        return alpha == 0 ? "hard targets" : String.format(Locale.ROOT, "label smoothing %.2f", alpha);
    }

    /** @return the report */
    Report report() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("classes", classNames);
        results.put("trials", trials);
        return new Report("Penultimate-layer projections: " + experiment.data() + " ("
                + (experiment.scale().full() ? "full" : "quick") + ")", experiment, run, notes(),
                List.of(shapes(), tests(), Table.settings(experiment, run, Map.of("alphas",
                        ProjectionExperiment.ALPHAS + " (0 = hard targets)", "classes", String.join(", ", classNames))),
                        trialTable()), figures, results);
    }

    private List<String> notes() {
        Scale s = experiment.scale();
        return List.of(String.format(Locale.ROOT, "Each net is the replication's MLP 784-1200-1200-%d trained on %,d"
                + " images for %d epochs (seeds 1 to %d). The rows w_1, w_2, w_3 of its final weight matrix for %s are"
                + " the templates; the thin QR decomposition of [w_1 - w_3, w_2 - w_3] gives the orthonormal basis u, v"
                + " of the plane through them, and each penultimate activation a is drawn at (a.u, a.v).",
                experiment.classes(), s.trainExamples(), s.epochs(), experiment.seeds(), String.join(", ", classNames)),
                String.format(Locale.ROOT, "Training images: the first %d of each class among those trained on, shown"
                + " without augmentation; test images: every test image of the three classes.",
                ProjectionExperiment.TRAIN_PER_CLASS),
                "Measured in the plane: the spread of a class is the root mean squared distance of its points to their"
                + " centroid (the table gives the mean of the three), the distances are those between the three"
                + " centroids; tightness = spread / mean distance (small: tight clusters far apart), unevenness ="
                + " (largest - smallest distance) / mean distance (0: equidistant). Mueller et al.'s claim, that"
                + " label smoothing makes the clusters tight and equidistant, is lower tightness and unevenness for"
                + " the smoothed net. The papers publish pictures, not these numbers.");
    }

    private Table shapes() {
        List<List<String>> rows = new ArrayList<>();
        for (double alpha : ProjectionExperiment.ALPHAS) {
            List<ProjectionTrial> of = trials.stream().filter(t -> t.alpha() == alpha).toList();
            rows.add(shapeRow(net(alpha), "training", of, ProjectionTrial::trainPoints));
            rows.add(shapeRow(net(alpha), "test", of, ProjectionTrial::testPoints));
        }
        return new Table("Clusters in the plane of the templates", List.of("net", "images", "points",
                "spread (mean of 3)", "centroid distances " + pairs(), "mean distance", "tightness",
                "unevenness"), rows);
    }

    private List<String> shapeRow(String net, String images, List<ProjectionTrial> of,
                                  Function<ProjectionTrial, ProjectedPart> part) {
        Cells cells = new Cells(experiment.seeds());
        String distances = String.join(" / ", List.of(0, 1, 2).stream()
                .map(i -> cells.stat(Stat.of(of, t -> part.apply(t).shape().distances()[i]), 2)).toList());
        return List.of(net, images, Integer.toString(part.apply(of.get(0)).classes().length),
                cells.stat(Stat.of(of, t -> part.apply(t).shape().spread()), 2), distances,
                cells.stat(Stat.of(of, t -> part.apply(t).shape().meanDistance()), 2),
                cells.stat(Stat.of(of, t -> part.apply(t).shape().tightness()), 3),
                cells.stat(Stat.of(of, t -> part.apply(t).shape().unevenness()), 3));
    }

    private String pairs() {
        return classNames.get(0) + "-" + classNames.get(1) + " / " + classNames.get(0) + "-" + classNames.get(2)
                + " / " + classNames.get(1) + "-" + classNames.get(2);
    }

    private Table tests() {
        Cells cells = new Cells(experiment.seeds());
        List<List<String>> rows = new ArrayList<>();
        for (double alpha : ProjectionExperiment.ALPHAS) {
            List<ProjectionTrial> of = trials.stream().filter(t -> t.alpha() == alpha).toList();
            rows.add(List.of(net(alpha), cells.percent(Stat.of(of, t -> t.test().accuracy())),
                    cells.stat(Stat.of(of, t -> t.test().ece()), 4), cells.stat(Stat.of(of, t -> t.test().nll()), 4)));
        }
        return new Table("The nets on the whole test set", List.of("net", "accuracy %", "ECE (15 bins)", "NLL"),
                rows);
    }

    private Table trialTable() {
        List<List<String>> rows = new ArrayList<>();
        for (ProjectionTrial t : trials) {
            rows.add(List.of(Cells.number(t.alpha(), 2), Long.toString(t.seed()),
                    Cells.number(100 * t.test().accuracy(), 2), Cells.number(t.trainPoints().shape().tightness(), 3),
                    Cells.number(t.testPoints().shape().tightness(), 3), Cells.number(t.seconds(), 0)));
        }
        return new Table("Trials", List.of("alpha", "seed", "accuracy %", "tightness (training)", "tightness (test)",
                "seconds"), rows);
    }
}
