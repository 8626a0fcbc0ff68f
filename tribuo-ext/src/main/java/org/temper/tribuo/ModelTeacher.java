package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.TeacherLogits;
import org.temper.onnx.runtime.ExecutionSettings;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A teacher that is any Tribuo model producing probabilities, read by the engine's teacher rule. */
final class ModelTeacher implements Teacher {

    private final Model<Label> model;

    /** @param model the teacher */
    ModelTeacher(Model<Label> model) {
        this.model = model;
    }

    @Override
    public void check(Dataset<Label> data) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("The teacher " + model.getName() + " (" + model.getClass().getSimpleName()
                    + ") does not produce probabilities: distil from a probabilistic model");
        }
        TeacherLogits.checkClasses(classes(), DenseExamples.classNames(data.getOutputIDInfo()),
                "teacher " + model.getName());
    }

    private List<String> classes() {
        List<String> names = new ArrayList<>();
        model.getOutputIDInfo().getDomain().forEach(l -> names.add(l.getLabel()));
        return names;
    }

    @Override
    public float[] logits(Dataset<Label> data, DenseDataset dense, ExecutionSettings execution) {
        List<String> classes = classes();
        int k = classes.size();
        float[] p = new float[Math.multiplyExact(data.size(), k)];
        List<Prediction<Label>> predictions = model.predict(data);
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            for (int c = 0; c < k; c++) {
                p[i * k + c] = (float) scores.get(classes.get(c)).getScore();
            }
        }
        return TeacherLogits.fromProbabilities(p, classes, dense.classNames(), "teacher " + model.getName());
    }

    @Override
    public Map<String, Provenance> provenance() {
        return Map.of("teacher", model.getProvenance());
    }
}
