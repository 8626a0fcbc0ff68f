package org.temper.onnx.imports;

import org.temper.onnx.autodiff.GradientRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The models exported by PyTorch under src/test/resources/imports (see export_models.py there)
 * and the logits PyTorch computed for a few fixed inputs.
 */
final class ExportedModels {

    private ExportedModels() {
    }

    /**
     * A model's fixed inputs and PyTorch's logits for them, row-major.
     * @param inputs the examples, flattened one after the other
     * @param logits PyTorch's logits, one row per example
     * @param rows the number of examples
     */
    record Reference(float[] inputs, float[] logits, int rows) {
    }

    /** @return an importer with Temper's gradient rules. */
    static NetworkImporter importer() {
        return new NetworkImporter(GradientRegistry.standard().operators());
    }

    /**
     * @param name a file under imports/, e.g. "mlp.onnx"
     * @return its path
     */
    static Path path(String name) {
        try {
            return Path.of(ExportedModels.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param model the model name, e.g. "mlp"
     * @return the inputs and logits recorded in model.reference.csv
     */
    static Reference reference(String model) {
        List<Float> inputs = new ArrayList<>();
        List<Float> logits = new ArrayList<>();
        int rows = 0;
        try {
            for (String line : Files.readAllLines(path(model + ".reference.csv"))) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",");
                List<Float> target = cells[0].equals("input") ? inputs : logits;
                rows += cells[0].equals("input") ? 1 : 0;
                for (int i = 2; i < cells.length; i++) {
                    target.add(Float.parseFloat(cells[i]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reference(toArray(inputs), toArray(logits), rows);
    }

    private static float[] toArray(List<Float> values) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
