package org.temper.weka;

import ai.onnxruntime.OrtException;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.ModelFiles;
import org.temper.onnx.fit.SavedModel;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.ExecutionSettings;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.BatchPredictor;
import weka.core.Instances;
import weka.core.WekaException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A distillation teacher's logits on the training data, from a Weka classifier or an ONNX model.
 */
public final class TeacherLogits {

    /** Probabilities are clipped to this before their logarithm, so that a zero stays finite. */
    static final double MIN_PROBABILITY = 1e-6;

    private TeacherLogits() {
    }

    /**
     * Trains a copy of a Weka classifier on the data and takes the logarithms of its class
     * probabilities as logits (softmax of them gives the probabilities back).
     * @param teacher the teacher's configuration; a copy is trained, the original is left as it is
     * @param train the training data
     * @return [N, K] logits, row-major
     * @throws Exception when the teacher cannot be trained or its predictions are not probabilities
     */
    public static float[] fromClassifier(Classifier teacher, Instances train) throws Exception {
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
        float[] logits = new float[p.length * k];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < k; c++) {
                if (!(p[i][c] >= 0 && p[i][c] <= 1)) {
                    throw new WekaException("The teacher " + teacher.getClass().getSimpleName() + " predicts "
                            + p[i][c] + " as the probability of class '" + train.classAttribute().value(c)
                            + "' for training instance " + (i + 1) + ". Choose a teacher whose predictions are"
                            + " probabilities.");
                }
                logits[i * k + c] = (float) Math.log(Math.max(p[i][c], MIN_PROBABILITY));
            }
        }
        return logits;
    }

    /**
     * Runs an ONNX classifier model over the data. The model reads the encoded rows without
     * standardisation: numeric attributes as they are, nominal attributes one-hot, in attribute
     * order (so a model trained by {@code temper train} on Fashion-MNIST reads the ARFF written by
     * {@link IdxToArff}). Its classes are the class attribute's values, in the same order.
     * @param file the .onnx file
     * @param train the training data
     * @param settings device and threads
     * @return [N, K] logits, row-major
     * @throws WekaException naming the mismatch when the model does not fit the data
     * @throws IOException when the file cannot be read as a classifier model
     * @throws OrtException when ONNX Runtime fails
     */
    public static float[] fromOnnx(Path file, Instances train, ExecutionSettings settings)
            throws IOException, OrtException, WekaException {
        SavedModel model = ModelFiles.read(file);
        InputEncoder raw = InputEncoder.fit(train, false);
        int width = model.signature().exampleSize();
        if (width != raw.width()) {
            throw new WekaException("The teacher model " + file + " reads " + width + " values per example, but the"
                    + " data's attributes encode to " + raw.width() + " (numeric attributes one value each, nominal"
                    + " attributes one per value). Use a teacher trained on the same attributes.");
        }
        List<String> classes = InputEncoder.classNames(train);
        if (model.signature().numClasses() != classes.size()) {
            throw new WekaException("The teacher model " + file + " has " + model.signature().numClasses()
                    + " classes, the class attribute '" + train.classAttribute().name() + "' " + classes.size()
                    + ". Use a teacher trained on the same classes.");
        }
        if (!model.classNames().equals(classes)
                && !model.classNames().equals(DenseDataset.defaultNames(classes.size()))) {
            throw new WekaException("The teacher model " + file + " names its classes " + model.classNames()
                    + " but the class attribute's values are " + classes + ": they must be the same, in order.");
        }
        try (Predictor predictor = model.predictor(settings)) {
            return predictor.logits(raw.encode(train), train.numInstances());
        }
    }
}
