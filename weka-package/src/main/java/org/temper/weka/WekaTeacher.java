package org.temper.weka;

import org.temper.onnx.model.TeacherLogits;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.BatchPredictor;
import weka.core.Instances;

/**
 * A Weka classifier as a distillation teacher: a copy is trained on the training data and its
 * class probabilities go through the engine's one teacher rule ({@link TeacherLogits}).
 */
public final class WekaTeacher {

    private WekaTeacher() {
    }

    /**
     * @param teacher the teacher's configuration; a copy is trained, the original is left as it is
     * @param train the training data
     * @return [N, K] logits, row-major, in the class attribute's value order
     * @throws Exception when the teacher cannot be trained or its predictions are not probabilities
     */
    public static float[] logits(Classifier teacher, Instances train) throws Exception {
        Classifier copy = AbstractClassifier.makeCopy(teacher);
        copy.buildClassifier(train);
        double[][] p;
        if (copy instanceof BatchPredictor b && b.implementsMoreEfficientBatchPrediction()) {
            p = b.distributionsForInstances(train);
        } else {
            p = new double[train.numInstances()][];
            for (int i = 0; i < p.length; i++) {
                p[i] = copy.distributionForInstance(train.instance(i));
            }
        }
        int k = train.numClasses();
        float[] flat = new float[Math.multiplyExact(p.length, k)];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < k; c++) {
                flat[i * k + c] = (float) p[i][c];
            }
        }
        var classes = InputEncoder.classNames(train);
        return TeacherLogits.fromProbabilities(flat, classes, classes, "teacher " + teacher.getClass().getSimpleName());
    }
}
