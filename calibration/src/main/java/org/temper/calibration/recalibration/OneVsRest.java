package org.temper.calibration.recalibration;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.temper.calibration.Predictions;

/**
 * One map per class from that class's score to its probability, fitted on the indicator
 * y = k, with rows divided by their sum (a row of zeros becomes uniform). For K = 2 only class 1
 * has a map and p_0 = 1 - p_1, as in scikit-learn's {@code CalibratedClassifierCV}.
 */
final class OneVsRest implements CalibrationMap {

    /** What each class's map is fitted on and applied to. */
    enum Score {
        /** p_k: the probability, softmax of the logits when given logits. */
        PROBABILITY,
        /**
         * The one-vs-rest log-odds log(p_k / (1 - p_k)): z_k - log sum_{j != k} exp(z_j) from
         * logits, log p_k - log sum_{j != k} p_j from probabilities; z_1 - z_0 and
         * log(p_1 / p_0) when K = 2.
         */
        LOG_ODDS
    }

    /** A fitted map of one class's score to its probability. */
    interface ClassMap {
        /**
         * @param score a score
         * @return its calibrated probability, in [0, 1]
         */
        double apply(double score);

        /** @return the fitted parameters by name, in order */
        Map<String, List<Double>> parameters();

        /** @return a short summary of the fitted parameters */
        String describe();
    }

    /** Fits one class's map. */
    interface Fitter {
        /**
         * @param scores the held-out scores of one class, in example order
         * @param positive whether each example is of that class
         * @param label the class, for messages
         * @return the fitted map
         */
        ClassMap fit(double[] scores, boolean[] positive, int label);
    }

    private final String name;
    private final int classes;
    private final Score score;
    /** maps[k] for each fitted class; maps[0] is null when K = 2. */
    private final ClassMap[] maps;

    private OneVsRest(String name, int classes, Score score, ClassMap[] maps) {
        this.name = name;
        this.classes = classes;
        this.score = score;
        this.maps = maps;
    }

    /**
     * @param name the method's name, for descriptions
     * @param heldOut the fitting data
     * @param score what the maps take
     * @param fitter fits one class's map
     * @return the fitted one-vs-rest map
     */
    static OneVsRest fit(String name, Predictions heldOut, Score score, Fitter fitter) {
        int classes = heldOut.classes();
        double[][] scores = scores(heldOut, score);
        ClassMap[] maps = new ClassMap[classes];
        boolean[] positive = new boolean[heldOut.size()];
        for (int k = first(classes); k < classes; k++) {
            for (int i = 0; i < positive.length; i++) {
                positive[i] = heldOut.label(i) == k;
            }
            maps[k] = fitter.fit(scores[k], positive, k);
        }
        return new OneVsRest(name, classes, score, maps);
    }

    /** @return the first class with a map: 1 when K = 2, else 0 */
    private static int first(int classes) {
        return classes == 2 ? 1 : 0;
    }

    /** @return scores[k][i], the score of class k for example i (row 0 unused when K = 2) */
    private static double[][] scores(Predictions p, Score score) {
        int classes = p.classes();
        int from = first(classes);
        double[][] scores = new double[classes][p.size()];
        double[] row = new double[classes];
        for (int i = 0; i < p.size(); i++) {
            if (score == Score.PROBABILITY) {
                p.probabilities(i, row);
                for (int k = from; k < classes; k++) {
                    scores[k][i] = row[k];
                }
            } else if (p.hasLogits()) {
                p.logits(i, row);
                for (int k = from; k < classes; k++) {
                    scores[k][i] = row[k] - logSumExpOfOthers(row, k);
                }
            } else {
                p.probabilities(i, row);
                for (int k = from; k < classes; k++) {
                    double rest = 0;
                    for (int j = 0; j < classes; j++) {
                        rest += j == k ? 0 : row[j];
                    }
                    scores[k][i] = Math.log(row[k]) - Math.log(rest);
                }
            }
        }
        return scores;
    }

    private static double logSumExpOfOthers(double[] z, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < z.length; j++) {
            max = j == k ? max : Math.max(max, z[j]);
        }
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            sum += j == k ? 0 : Math.exp(z[j] - max);
        }
        return max + Math.log(sum);
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public double[] probabilities(Predictions predictions) {
        Checks.classes(classes, predictions);
        double[][] scores = scores(predictions, score);
        int n = predictions.size();
        double[] out = new double[n * classes];
        for (int i = 0; i < n; i++) {
            int base = i * classes;
            if (classes == 2) {
                double q = maps[1].apply(scores[1][i]);
                out[base] = 1 - q;
                out[base + 1] = q;
                continue;
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                out[base + k] = maps[k].apply(scores[k][i]);
                sum += out[base + k];
            }
            for (int k = 0; k < classes; k++) {
                out[base + k] = sum > 0 ? out[base + k] / sum : 1.0 / classes;
            }
        }
        return out;
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder(name).append(" (").append(classes).append(" classes)");
        for (int k = first(classes); k < classes; k++) {
            text.append(k == first(classes) ? ": " : "; ").append("class ").append(k).append(' ')
                    .append(maps[k].describe());
        }
        return text.toString();
    }

    @Override
    public Map<String, List<Double>> parameters() {
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (int k = first(classes); k < classes; k++) {
            for (Map.Entry<String, List<Double>> e : maps[k].parameters().entrySet()) {
                all.put("class " + k + " " + e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** @return the two named parameters of a class's map, in order */
    static Map<String, List<Double>> pair(String first, List<Double> a, String second, List<Double> b) {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        map.put(first, a);
        map.put(second, b);
        return map;
    }

    /**
     * @param values doubles
     * @return them as an unmodifiable list
     */
    static List<Double> list(double... values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Override
    public String toString() {
        return describe();
    }
}
