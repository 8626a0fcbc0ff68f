package org.temper.tribuo;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.temper.onnx.runtime.OrtRuntime;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.LabelTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comparisons of two models' predictions, and of a model with its export loaded as a Tribuo user loads it. */
final class Comparisons {

    static {
        // Temper creates ONNX Runtime's environment (with its shared thread pools) before Tribuo's
        // ONNXExternalModel can create a plain one, whatever order the tests run in
        OrtRuntime.environment();
    }

    private Comparisons() {
    }

    /**
     * @param a predictions of one model
     * @param b predictions of another, of the same examples in the same order
     * @return the largest difference of a class probability between the two
     */
    static double maxDifference(List<Prediction<Label>> a, List<Prediction<Label>> b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (Map.Entry<String, Label> e : a.get(i).getOutputScores().entrySet()) {
                double other = b.get(i).getOutputScores().get(e.getKey()).getScore();
                max = Math.max(max, Math.abs(e.getValue().getScore() - other));
            }
        }
        return max;
    }

    /**
     * Loads a model's export in Tribuo's ONNXExternalModel, with the model's feature and label ids,
     * and checks that both predict the same labels.
     * @param model a model
     * @param file its saveONNXModel export
     * @param test examples
     * @return the largest difference of a class probability between the model and the loaded file
     * @throws OrtException when ONNX Runtime rejects the file
     */
    static double maxDifferenceInOnnxExternalModel(Model<Label> model, Path file, Dataset<Label> test)
            throws OrtException {
        try (ONNXExternalModel<Label> external = external(model, file)) {
            List<Prediction<Label>> ours = model.predict(test);
            List<Prediction<Label>> theirs = external.predict(test);
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(ours.get(i).getOutput().getLabel(), theirs.get(i).getOutput().getLabel(), "example " + i);
            }
            return maxDifference(ours, theirs);
        }
    }

    /**
     * @param model a model
     * @param file its saveONNXModel export
     * @return the file loaded by Tribuo's ONNXExternalModel, with the model's feature and label ids
     * @throws OrtException when ONNX Runtime rejects the file
     */
    static ONNXExternalModel<Label> external(Model<Label> model, Path file) throws OrtException {
        Map<String, Integer> features = new HashMap<>();
        model.getFeatureIDMap().forEach(f -> features.put(f.getName(), model.getFeatureIDMap().getID(f.getName())));
        Map<Label, Integer> outputs = new HashMap<>();
        model.getOutputIDInfo().getDomain().forEach(l -> outputs.put(l, model.getOutputIDInfo().getID(l)));
        return ONNXExternalModel.createOnnxModel(new LabelFactory(), features, outputs, new DenseTransformer(),
                new LabelTransformer(true), new OrtSession.SessionOptions(), file, "input");
    }
}
