package org.temper.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.tribuo.Dataset;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A teacher that is any Tribuo model producing probabilities. Its logits are the log-probabilities,
 * which differ from the true logits by a constant per example: the soft cross-entropy is unchanged
 * by such a shift, the squared-error soft terms are not. Probabilities of zero become log of the
 * smallest normal float.
 */
final class ModelTeacher implements Teacher {

    private static final double FLOOR = Math.log(Float.MIN_NORMAL);

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
        List<String> names = new ArrayList<>();
        model.getOutputIDInfo().getDomain().forEach(l -> names.add(l.getLabel()));
        Teacher.checkSameClasses(names, data, model.getName());
    }

    @Override
    public float[] logits(Dataset<Label> data, DenseDataset dense) {
        ImmutableOutputInfo<Label> outputs = data.getOutputIDInfo();
        int k = outputs.size();
        float[] logits = new float[data.size() * k];
        List<Prediction<Label>> predictions = model.predict(data);
        for (int i = 0; i < predictions.size(); i++) {
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            for (int c = 0; c < k; c++) {
                double p = scores.get(outputs.getOutput(c).getLabel()).getScore();
                logits[i * k + c] = (float) Math.max(FLOOR, Math.log(p));
            }
        }
        return logits;
    }

    @Override
    public Map<String, Provenance> provenance() {
        return Map.of("teacher", model.getProvenance());
    }
}
