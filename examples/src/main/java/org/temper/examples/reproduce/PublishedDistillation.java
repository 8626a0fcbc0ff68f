package org.temper.examples.reproduce;

import java.util.List;

/**
 * The published MNIST distillation numbers (science.md), test error in percent: Mueller et al. 2019
 * (teacher 1200-1200, student 800-800) and the replication (Wagner et al. 2023) for the dropout teacher,
 * the label-smoothed teacher (alpha = 0.1) and their students, and Hinton et al. 2015's student trained
 * alone (146 test errors). They are of MNIST only.
 */
final class PublishedDistillation {

    /**
     * One published comparison.
     * @param what the network the numbers are of
     * @param paper the error % of Mueller et al. (Hinton et al. for the student alone)
     * @param replication the error % of the replication, null when it has none
     */
    record Row(String what, double paper, Double replication) {
    }

    /** The rows, in the order: dropout teacher, smoothed teacher, their students, the student alone. */
    static final List<Row> ROWS = List.of(new Row("teacher with dropout", 0.67, 0.81),
            new Row("teacher with label smoothing (alpha 0.1)", 0.59, 0.69),
            new Row("student of the dropout teacher", 0.74, 0.93),
            new Row("student of the label-smoothed teacher", 0.91, 1.05),
            new Row("student without a teacher (Hinton et al. 2015)", 1.46, null));

    private PublishedDistillation() {
    }
}
