package org.temper.examples.reproduce;

import java.util.List;

/**
 * The teachers and the distillation temperatures of a run of the distillation experiment; every
 * teacher is distilled at every temperature, and one student learns without a teacher.
 *
 * @param teachers the teachers, in the report's order
 * @param temperatures the students' temperatures T
 */
public record DistillationGrid(List<TeacherSpec> teachers, List<Double> temperatures) {

    /** The replication's sweep: alpha in {0, .15, .3, .45, .6, .75} and the dropout teacher, T in {1, 2, 4, 8, 12, 16}. */
    public static final DistillationGrid FULL = new DistillationGrid(List.of(new TeacherSpec(0, 0),
            new TeacherSpec(0.15, 0), new TeacherSpec(0.3, 0), new TeacherSpec(0.45, 0), new TeacherSpec(0.6, 0),
            new TeacherSpec(0.75, 0), new TeacherSpec(0, 0.5)), List.of(1.0, 2.0, 4.0, 8.0, 12.0, 16.0));

    /** A few minutes on 2 cores: alpha in {0, 0.3, 0.6} and the dropout teacher, T in {1, 4}. */
    public static final DistillationGrid QUICK = new DistillationGrid(List.of(new TeacherSpec(0, 0),
            new TeacherSpec(0.3, 0), new TeacherSpec(0.6, 0), new TeacherSpec(0, 0.5)), List.of(1.0, 4.0));

    /** Copies the lists. */
    public DistillationGrid {
        teachers = List.copyOf(teachers);
        temperatures = List.copyOf(temperatures);
    }

    /** @return the grid with one temperature, for a soft term that ignores T */
    DistillationGrid withoutTemperatures() {
        return new DistillationGrid(teachers, List.of(1.0));
    }
}
