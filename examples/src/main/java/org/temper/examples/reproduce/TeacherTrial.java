package org.temper.examples.reproduce;

import org.temper.calibration.Predictions;
import org.temper.calibration.analysis.SmoothnessIndex;
import org.temper.onnx.fit.EpochReport;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A trained teacher of the distillation experiment: its test figures, its smoothness index gamma on
 * the training part at T = 1 and at each distillation temperature, and its logits on the (unshifted)
 * training part, packed, from which every student of this teacher and seed learns, so that no
 * student run trains a stored teacher again.
 *
 * @param teacher the teacher's key ({@link TeacherSpec#key()})
 * @param alpha its label smoothing
 * @param dropout its dropout
 * @param seed its seed
 * @param seconds wall-clock seconds of training and predicting
 * @param test the test figures
 * @param smoothness gamma at T = 1 and at each student temperature, in increasing T
 * @param history one report per epoch
 * @param trainLogits the logits of the training part in its order, with its labels
 */
public record TeacherTrial(String teacher, double alpha, double dropout, long seed, double seconds,
                           Measurement test, List<Smoothness> smoothness, List<EpochReport> history,
                           StoredLogits trainLogits) implements DistillationTrial {

    /** Copies the lists. */
    public TeacherTrial {
        smoothness = List.copyOf(smoothness);
        history = List.copyOf(history);
    }

    /**
     * @param spec the teacher
     * @param seed its seed
     * @param trained the trained network's predictions
     * @param trainLogits its logits on the training part
     * @param trainPredictions the same as predictions with the training labels
     * @param temperatures the students' temperatures, where gamma is measured besides T = 1
     * @return the trial
     */
    static TeacherTrial of(TeacherSpec spec, long seed, TrialRunner.Trained trained, float[] trainLogits,
                           Predictions trainPredictions, List<Double> temperatures) {
        TreeSet<Double> at = new TreeSet<>(temperatures);
        at.add(1.0);
        List<Smoothness> gammas = at.stream().map(t -> new Smoothness(t, SmoothnessIndex.of(trainPredictions, t)))
                .toList();
        return new TeacherTrial(spec.key(), spec.alpha(), spec.dropout(), seed, trained.seconds(),
                Measurement.of(trained.test()), gammas, trained.fit().history(),
                StoredLogits.of(trainLogits, trainPredictions));
    }

    /**
     * @param temperature a temperature of the trial's grid or 1
     * @return gamma there
     * @throws IllegalArgumentException when it was not measured there
     */
    double gamma(double temperature) {
        return smoothness.stream().filter(s -> s.temperature() == temperature).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("gamma was not measured at T = " + temperature))
                .gamma();
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "test accuracy %.2f%%, ECE %.4f, gamma (T = 1) %.4f", 100 * test.accuracy(),
                test.ece(), gamma(1));
    }
}
