package org.temper.onnx.autodiff;

import org.junit.jupiter.api.Test;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.Value;
import org.temper.onnx.imports.ImportedNetwork;
import org.temper.onnx.imports.NetworkImporter;
import org.temper.onnx.zoo.Parameter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradients of the PyTorch-exported MLP (imports/mlp.onnx) with respect to its imported
 * parameters, against central finite differences in float64.
 *
 * <p>No conversion of the model is needed for float64: the importer replays the imported nodes
 * through GraphBuilder's typed methods, which take their element type from their inputs, so the
 * float32 network's forward pass fed float64 inputs and parameters is the same graph in float64
 * (the MLP has no float constants). The check runs at inference (Dropout is the identity), since
 * a random mask cannot be differenced; the Dropout rule itself is checked in GradientRulesTest.
 * Float32 finite differences would be dominated by round-off (about 1e-7 |L| / h), far above the
 * 1e-6 tolerance that a correct rule meets in float64.
 */
class ImportedMlpGradientTest {

    @Test
    void parameterGradientsOfTheImportedMlpMatchFiniteDifferences() throws Exception {
        ImportedNetwork net = new NetworkImporter(GradientRegistry.standard().operators())
                .read(Path.of(getClass().getResource("/imports/mlp.onnx").toURI()));
        List<Parameter> ps = net.parameters();
        GradientCheck check = GradientCheck.of((b, xs) -> {
            Map<String, Value> params = new LinkedHashMap<>();
            for (int i = 0; i < ps.size(); i++) {
                params.put(ps.get(i).name(), xs.get(i + 1));
            }
            return net.forward(b, xs.get(0), params, false).logits();
        }).input(Shape.batchOf(net.exampleShape()), 2, 1, 28, 28);
        for (Parameter p : ps) {
            check.input(p.initial().shape());
        }
        double error = check.maxRelativeError();
        assertTrue(error < GradientCheck.TOLERANCE, "relative error " + error);
    }
}
