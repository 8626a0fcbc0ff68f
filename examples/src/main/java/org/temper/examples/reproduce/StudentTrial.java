package org.temper.examples.reproduce;

import org.temper.onnx.fit.EpochReport;

import java.util.List;
import java.util.Locale;

/**
 * A trained student of the distillation experiment (784-800-800-K): distilled from one teacher at one
 * temperature, or trained alone with hard targets (the baseline).
 *
 * @param teacher the teacher's key ({@link TeacherSpec#key()}), or {@value #ALONE} for the baseline
 * @param temperature the distillation temperature, null for the baseline
 * @param seed its seed (and its teacher's)
 * @param seconds wall-clock seconds of training and predicting
 * @param test the test figures
 * @param history one report per epoch
 */
public record StudentTrial(String teacher, Double temperature, long seed, double seconds, Measurement test,
                           List<EpochReport> history) implements DistillationTrial {

    /** The teacher key of the student that learns without a teacher. */
    static final String ALONE = "none";

    /** Copies the history. */
    public StudentTrial {
        history = List.copyOf(history);
    }

    /**
     * @param teacher the teacher's key, or {@value #ALONE}
     * @param temperature T, or null for the baseline
     * @param seed the seed
     * @param trained the trained network's predictions
     * @return the trial
     */
    static StudentTrial of(String teacher, Double temperature, long seed, TrialRunner.Trained trained) {
        return new StudentTrial(teacher, temperature, seed, trained.seconds(), Measurement.of(trained.test()),
                trained.fit().history());
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "test accuracy %.2f%%, ECE %.4f", 100 * test.accuracy(), test.ece());
    }
}
