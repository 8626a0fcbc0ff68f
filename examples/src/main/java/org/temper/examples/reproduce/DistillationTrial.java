package org.temper.examples.reproduce;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A finished trial of the distillation experiment, a teacher or a student, stored in one
 * {@link TrialStore} with its role named in the JSON ("role": "teacher" or "student").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "role")
@JsonSubTypes({@JsonSubTypes.Type(value = TeacherTrial.class, name = "teacher"),
    @JsonSubTypes.Type(value = StudentTrial.class, name = "student")})
public sealed interface DistillationTrial extends Measured permits TeacherTrial, StudentTrial {

    /** @return the trial's seed */
    long seed();

    /** @return the test figures */
    Measurement test();

    /** @return one line of its figures for the console */
    String summary();
}
