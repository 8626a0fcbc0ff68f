package org.temper.examples.reproduce;

import java.util.List;

/**
 * One teacher's results over its seeds.
 *
 * @param teacher the teacher's key
 * @param label its name in tables
 * @param alpha its label smoothing
 * @param dropout its dropout
 * @param seeds how many seeds were averaged
 * @param accuracy test accuracy
 * @param ece test ECE
 * @param nll test NLL
 * @param gamma the smoothness index on the training part at T = 1
 * @param smoothness gamma at each student temperature, in the grid's order
 */
public record TeacherSummary(String teacher, String label, double alpha, double dropout, int seeds, Stat accuracy,
                             Stat ece, Stat nll, Stat gamma, List<Smoothness> smoothness) {

    /** Copies the list. */
    public TeacherSummary {
        smoothness = List.copyOf(smoothness);
    }

    /**
     * @param spec the teacher
     * @param trials its trials, one per seed
     * @param temperatures the students' temperatures
     * @return the summary (gamma at each temperature averaged over seeds)
     */
    static TeacherSummary of(TeacherSpec spec, List<TeacherTrial> trials, List<Double> temperatures) {
        return new TeacherSummary(spec.key(), spec.label(), spec.alpha(), spec.dropout(), trials.size(),
                Stat.of(trials, t -> t.test().accuracy()), Stat.of(trials, t -> t.test().ece()),
                Stat.of(trials, t -> t.test().nll()), Stat.of(trials, t -> t.gamma(1)),
                temperatures.stream().map(x -> new Smoothness(x, Stat.of(trials, t -> t.gamma(x)).mean())).toList());
    }
}
