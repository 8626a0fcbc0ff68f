package org.temper.examples.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The distillation experiment's results over seeds: every teacher, the students without a teacher,
 * every teacher's students per temperature, each teacher's best student, and whether the more accurate
 * teacher gives the less accurate student.
 *
 * @param teachers one per teacher, in the grid's order
 * @param alone the students without a teacher
 * @param students one per teacher and temperature, by teacher then temperature
 * @param best per teacher (in the grid's order) its students at the temperature where their mean test
 *        accuracy is highest (chosen on the test set, as a sweep does)
 * @param rankCorrelation Spearman's rho between the teachers' mean test accuracy and their best
 *        students' (negative: the better teacher distils worse), NaN for fewer than two teachers
 */
public record DistillationResults(List<TeacherSummary> teachers, StudentSummary alone, List<StudentSummary> students,
                                  List<StudentSummary> best, double rankCorrelation) {

    /** Copies the lists. */
    public DistillationResults {
        teachers = List.copyOf(teachers);
        students = List.copyOf(students);
        best = List.copyOf(best);
    }

    /**
     * @param grid the teachers and temperatures
     * @param trials every trial of the run
     * @return the summaries
     */
    static DistillationResults of(DistillationGrid grid, List<DistillationTrial> trials) {
        List<TeacherTrial> teacherTrials = trials.stream().filter(TeacherTrial.class::isInstance)
                .map(TeacherTrial.class::cast).toList();
        List<StudentTrial> studentTrials = trials.stream().filter(StudentTrial.class::isInstance)
                .map(StudentTrial.class::cast).toList();
        List<TeacherSummary> teachers = new ArrayList<>();
        List<StudentSummary> students = new ArrayList<>();
        List<StudentSummary> best = new ArrayList<>();
        for (TeacherSpec spec : grid.teachers()) {
            teachers.add(TeacherSummary.of(spec, teacherTrials.stream().filter(t -> t.teacher().equals(spec.key()))
                    .toList(), grid.temperatures()));
            List<StudentSummary> mine = grid.temperatures().stream()
                    .map(x -> StudentSummary.of(spec.key(), x, studentTrials)).toList();
            students.addAll(mine);
            best.add(mine.stream().max(Comparator.comparingDouble(s -> s.accuracy().mean())).orElseThrow());
        }
        double rho = RankCorrelation.spearman(teachers.stream().mapToDouble(t -> t.accuracy().mean()).toArray(),
                best.stream().mapToDouble(s -> s.accuracy().mean()).toArray());
        return new DistillationResults(teachers, StudentSummary.of(StudentTrial.ALONE, null, studentTrials),
                students, best, rho);
    }

    /**
     * @param teacher a teacher's key
     * @return its best students
     */
    StudentSummary bestOf(String teacher) {
        return best.stream().filter(s -> s.teacher().equals(teacher)).findFirst().orElseThrow();
    }

    /**
     * @param teacher a teacher's key
     * @param temperature a temperature of the grid
     * @return its students at that temperature
     */
    StudentSummary student(String teacher, double temperature) {
        return students.stream().filter(s -> s.teacher().equals(teacher) && s.temperature() == temperature)
                .findFirst().orElseThrow();
    }
}
