package org.temper.tribuo;

import ai.onnxruntime.OrtException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.SavedModel;
import org.temper.onnx.model.TeacherLogits;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.runtime.ExecutionSettings;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A teacher given as an ONNX classifier file (a Temper model, a NetworkModel's saveONNXModel export,
 * or any model the engine's model reader accepts), over the student's features in the student's
 * feature-map order, as for a model trained on the same Tribuo data source.
 */
final class OnnxTeacher implements Teacher {

    private final Path file;

    /** @param file the ONNX file */
    OnnxTeacher(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The teacher model " + file + " does not exist or is not a file");
        }
        this.file = file;
    }

    /** Reads the file's class names, when it has them, and refuses a class set other than the data's. */
    @Override
    public void check(Dataset<Label> data) {
        SavedModel model;
        try {
            model = ModelFiles.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the teacher model " + file + ": " + e.getMessage(), e);
        }
        if (model.metadata().containsKey(TrainedNetwork.CLASSES_KEY)) {
            TeacherLogits.checkClasses(model.classNames(), DenseExamples.classNames(data.getOutputIDInfo()),
                    "teacher " + file);
        }
    }

    @Override
    public float[] logits(Dataset<Label> data, DenseDataset dense, ExecutionSettings execution) {
        try {
            return TeacherLogits.fromFile(file, dense, execution);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the teacher model " + file + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the teacher " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Provenance> provenance() {
        return Map.of("teacher-file", new StringProvenance("teacher-file", file.toString()));
    }
}
