package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The source of a distillation teacher's logits on the training data. */
interface Teacher {

    /**
     * Checks, before training, that the teacher answers for exactly the data set's classes and features.
     * @param data the training data
     * @throws IllegalArgumentException naming the difference and the fix
     */
    void check(Dataset<Label> data);

    /**
     * @param data the training data
     * @param dense the same data as dense rows
     * @return [N, K] logits, rows in example order, columns in the data set's output-id order
     */
    float[] logits(Dataset<Label> data, DenseDataset dense);

    /** @return what to record about the teacher in the student's run provenance. */
    Map<String, Provenance> provenance();

    /**
     * @param teacherClasses the classes the teacher predicts
     * @param data the training data
     * @param teacher how to name the teacher in the message
     * @throws IllegalArgumentException when the class sets differ
     */
    static void checkSameClasses(List<String> teacherClasses, Dataset<Label> data, String teacher) {
        Set<String> theirs = new TreeSet<>(teacherClasses);
        Set<String> ours = new TreeSet<>(DenseExamples.classNames(data.getOutputIDInfo()));
        if (!theirs.equals(ours)) {
            throw new IllegalArgumentException("The teacher " + teacher + " predicts the classes " + theirs
                    + " but the training data has " + ours
                    + ": distil from a teacher trained on the same classes, or relabel the data to match");
        }
    }
}
