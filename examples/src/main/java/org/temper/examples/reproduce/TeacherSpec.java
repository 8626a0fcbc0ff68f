package org.temper.examples.reproduce;

import org.temper.onnx.recipe.Recipe;

import java.util.Locale;

/**
 * One teacher of the distillation experiment: the replication's 784-1200-1200-K net trained with label
 * smoothing of strength alpha (0 = hard targets), or with hard targets and dropout after each hidden
 * layer (Hinton et al.'s and Mueller et al.'s "dropout teacher").
 *
 * @param alpha label smoothing's strength, 0 for hard targets
 * @param dropout dropout after each hidden layer, 0 for none
 */
public record TeacherSpec(double alpha, double dropout) {

    /** @throws IllegalArgumentException when a teacher would have both label smoothing and dropout */
    public TeacherSpec {
        if (alpha > 0 && dropout > 0) {
            throw new IllegalArgumentException("a teacher has label smoothing or dropout, not both");
        }
    }

    /** @return its name in trial keys and results: "alpha-0.3" or "dropout-0.5" */
    String key() {
        return dropout > 0 ? "dropout-" + dropout : "alpha-" + alpha;
    }

    /** @return its name in tables and on the console */
    String label() {
        return dropout > 0 ? String.format(Locale.ROOT, "dropout %.1f", dropout)
                : alpha == 0 ? "hard targets (alpha 0)" : String.format(Locale.ROOT, "alpha %.2f", alpha);
    }

    /**
     * @param replication the replication's recipe of the teacher's net
     * @return it with this teacher's objective and dropout
     */
    Recipe recipe(Recipe.Builder replication) {
        Recipe.Builder b = replication.dropout(dropout);
        return (alpha == 0 ? b.objective(Recipe.ObjectiveKind.HARD_TARGETS)
                : b.objective(Recipe.ObjectiveKind.LABEL_SMOOTHING).alpha(alpha)).build();
    }
}
