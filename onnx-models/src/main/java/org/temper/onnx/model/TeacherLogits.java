package org.temper.onnx.model;

import ai.onnxruntime.OrtException;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.runtime.ExecutionSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one rule by which every front end turns a distillation teacher into logits of the training
 * examples, columns in the student's class order:
 * <ul>
 * <li>classes are matched by name, reordering the teacher's columns; a teacher whose class set
 * differs is refused, naming both sets (a file without class names is read in the data's order);</li>
 * <li>a teacher's output is read as probabilities when its metadata says so ({@value TrainedNetwork#SCORES_KEY}),
 * or, without that key, when every row is non-negative and sums to 1; probabilities become logits by
 * their logarithm, a zero becoming {@link #LOG_FLOOR} (softmax of the result gives the probabilities
 * back, which is all the soft cross-entropy sees);</li>
 * <li>a non-finite teacher output is refused, naming the example.</li>
 * </ul>
 * A teacher file reads the raw features (Temper's models standardise them themselves).
 */
public final class TeacherLogits {

    /** The logit given to a probability of 0: the logarithm of the smallest normal float. */
    public static final float LOG_FLOOR = (float) Math.log(Float.MIN_NORMAL);

    /** How far a row's sum may be from 1 for the row to count as probabilities. */
    static final double SUM_TOLERANCE = 1e-3;

    private TeacherLogits() {
    }

    /**
     * @param file a classifier ONNX model (Temper's, Tribuo's export, or any with one input and a
     *        classifier output)
     * @param data the training data, raw features, with its class names
     * @param settings where to run the teacher
     * @return [N, K] teacher logits in the data's example and class order
     * @throws IOException when the file cannot be read as a classifier
     * @throws OrtException when ONNX Runtime fails to run it
     * @throws IllegalArgumentException when its input width or classes do not fit the data
     */
    public static float[] fromFile(Path file, DenseDataset data, ExecutionSettings settings)
            throws IOException, OrtException {
        SavedModel model = ModelFiles.read(file);
        String name = "teacher " + file;
        if (model.signature().exampleSize() != data.exampleSize()) {
            throw new IllegalArgumentException("The " + name + " reads " + model.signature().exampleSize()
                    + " values per example but the data has " + data.exampleSize() + ": distil from a teacher"
                    + " trained on the same features");
        }
        boolean named = model.metadata().containsKey(TrainedNetwork.CLASSES_KEY);
        List<String> classes = named ? model.classNames() : data.classNames();
        int[] column = columns(classes, data.classNames(), name);
        float[] scores;
        try (ModelSession session = model.session(settings)) {
            scores = session.logits(data.features(), data.size());
        }
        String kind = model.metadata().get(TrainedNetwork.SCORES_KEY);
        boolean probabilities = kind == null ? looksLikeProbabilities(scores, classes.size())
                : kind.equals("probabilities");
        return probabilities ? fromProbabilities(scores, column, name) : reorder(scores, column, name);
    }

    /**
     * @param probabilities [N, K'] probabilities of an in-memory teacher, row-major
     * @param teacherClasses the teacher's class names in its column order
     * @param dataClasses the student's class names
     * @param name how to name the teacher in messages
     * @return [N, K] logits in the student's class order
     * @throws IllegalArgumentException when the class sets differ or a value is not a probability
     */
    public static float[] fromProbabilities(float[] probabilities, List<String> teacherClasses,
                                            List<String> dataClasses, String name) {
        return fromProbabilities(probabilities, columns(teacherClasses, dataClasses, name), name);
    }

    private static float[] fromProbabilities(float[] p, int[] column, String name) {
        int k = column.length;
        float[] out = new float[p.length];
        for (int i = 0; i < p.length / k; i++) {
            for (int c = 0; c < k; c++) {
                float v = p[i * k + column[c]];
                if (!(v >= 0 && v <= 1 + SUM_TOLERANCE)) {
                    throw new IllegalArgumentException("The " + name + " gives " + v + " as a probability for example "
                            + i + ": distil from a teacher whose predictions are probabilities or logits");
                }
                out[i * k + c] = v > 0 ? Math.max(LOG_FLOOR, (float) Math.log(v)) : LOG_FLOOR;
            }
        }
        return out;
    }

    private static float[] reorder(float[] logits, int[] column, String name) {
        int k = column.length;
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length / k; i++) {
            for (int c = 0; c < k; c++) {
                float v = logits[i * k + column[c]];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("The " + name + " gives the logit " + v + " for example " + i
                            + ": its weights are broken (NaN or infinite); retrain or replace the teacher");
                }
                out[i * k + c] = v;
            }
        }
        return out;
    }

    /**
     * @param scores [N, K] row-major
     * @param k the row width
     * @return whether every row is non-negative and sums to 1 within {@value #SUM_TOLERANCE}
     */
    static boolean looksLikeProbabilities(float[] scores, int k) {
        for (int i = 0; i < scores.length / k; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                float v = scores[i * k + c];
                if (!(v >= 0)) {
                    return false;
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                return false;
            }
        }
        return scores.length > 0;
    }

    /**
     * @param teacher the teacher's class names in its column order
     * @param data the student's class names
     * @param name how to name the teacher in messages
     * @throws IllegalArgumentException naming both class sets when they differ
     */
    public static void checkClasses(List<String> teacher, List<String> data, String name) {
        columns(teacher, data, name);
    }

    /**
     * @return for each of the student's classes, the teacher's column holding it
     * @throws IllegalArgumentException naming both class sets when they differ
     */
    private static int[] columns(List<String> teacher, List<String> data, String name) {
        Set<String> theirs = new TreeSet<>(teacher);
        Set<String> ours = new TreeSet<>(data);
        if (!theirs.equals(ours) || theirs.size() != teacher.size()) {
            throw new IllegalArgumentException("The " + name + " predicts the classes " + teacher
                    + " but the training data has " + data + ": distil from a teacher trained on the same classes");
        }
        int[] column = new int[data.size()];
        for (int c = 0; c < column.length; c++) {
            column[c] = teacher.indexOf(data.get(c));
        }
        return column;
    }
}
