package org.temper.examples.reproduce;

import java.util.List;

/**
 * The students of one teacher at one temperature (or the students without a teacher) over their seeds.
 *
 * @param teacher the teacher's key, or {@value StudentTrial#ALONE}
 * @param temperature T, null for the students without a teacher
 * @param seeds how many seeds were averaged
 * @param accuracy test accuracy
 * @param ece test ECE
 */
public record StudentSummary(String teacher, Double temperature, int seeds, Stat accuracy, Stat ece) {

    /**
     * @param teacher the teacher's key, or {@value StudentTrial#ALONE}
     * @param temperature T, or null
     * @param trials every student trial
     * @return the summary of those of this teacher and temperature
     */
    static StudentSummary of(String teacher, Double temperature, List<StudentTrial> trials) {
        List<StudentTrial> mine = trials.stream().filter(t -> t.teacher().equals(teacher)
                && java.util.Objects.equals(t.temperature(), temperature)).toList();
        return new StudentSummary(teacher, temperature, mine.size(), Stat.of(mine, t -> t.test().accuracy()),
                Stat.of(mine, t -> t.test().ece()));
    }
}
