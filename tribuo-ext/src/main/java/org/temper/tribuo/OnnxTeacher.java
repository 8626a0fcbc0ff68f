package org.temper.tribuo;

import ai.onnxruntime.OrtException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.ModelFiles;
import org.temper.onnx.fit.SavedModel;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.ExecutionSettings;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A teacher given as an ONNX classifier file whose output is logits (a Temper model, or any
 * model {@link ModelFiles#read} accepts). Its input must be the student's features in the
 * student's feature-map order, as for a {@link NetworkModel} exported from training on the same
 * Tribuo data source; its class names, read from the file, are matched to the data's by name.
 */
final class OnnxTeacher implements Teacher {

    private final Path file;
    private final SavedModel model;
    private final ExecutionSettings execution;

    /**
     * @param file the ONNX file
     * @param execution where to run it
     * @throws IllegalArgumentException when the file cannot be read as a classifier
     */
    OnnxTeacher(Path file, ExecutionSettings execution) {
        this.file = file;
        this.execution = execution;
        try {
            this.model = ModelFiles.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the teacher model " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void check(Dataset<Label> data) {
        Teacher.checkSameClasses(model.classNames(), data, file.toString());
        int width = data.getFeatureIDMap().size();
        if (model.signature().exampleSize() != width) {
            throw new IllegalArgumentException("The teacher " + file + " takes " + model.signature().exampleSize()
                    + " input values per example but the training data has " + width + " features: distil from a"
                    + " teacher trained on the same features (e.g. a NetworkModel exported from this data source)");
        }
    }

    @Override
    public float[] logits(Dataset<Label> data, DenseDataset dense) {
        float[] raw;
        try (Predictor p = model.predictor(execution)) {
            raw = p.logits(dense.features(), dense.size());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the teacher " + file + ": " + e.getMessage(), e);
        }
        List<String> theirs = model.classNames();
        List<String> ours = dense.classNames();
        int k = ours.size();
        int[] column = new int[k];
        for (int c = 0; c < k; c++) {
            column[c] = theirs.indexOf(ours.get(c));
        }
        float[] logits = new float[raw.length];
        for (int i = 0; i < dense.size(); i++) {
            for (int c = 0; c < k; c++) {
                logits[i * k + c] = raw[i * k + column[c]];
            }
        }
        return logits;
    }

    @Override
    public Map<String, Provenance> provenance() {
        return Map.of();
    }
}
