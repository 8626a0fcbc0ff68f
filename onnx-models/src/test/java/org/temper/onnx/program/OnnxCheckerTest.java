package org.temper.onnx.program;

import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.model.InferenceGraphs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.optim.Adam;
import org.temper.onnx.optim.GlobalNormClipping;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.LeNet5;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.MuellerAlexNet;
import org.temper.onnx.zoo.Network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Validates Temper's graphs with the reference ONNX checker (Python's onnx package, Debian's
 * python3-onnx, which CI installs), including its full shape inference, so that they are
 * standard ONNX and not merely accepted by ONNX Runtime.
 */
class OnnxCheckerTest {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void trainingAndInferenceGraphsPassTheOnnxChecker(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)) && run(PYTHON, "-c", "import onnx") == 0,
                "python3-onnx is not installed (apt-get install python3-onnx)");
        Mlp mlp = Mlp.create(new long[] {1, 28, 28}, new int[] {32, 16}, 10, 0.5, Initializer.GLOROT_UNIFORM, null, 1);
        Network lenet = LeNet5.create(new long[] {1, 28, 28}, 10, 0, Initializer.HE_NORMAL, 1);
        Network alexnet = MuellerAlexNet.create(new long[] {3, 32, 32}, 10, 0.5, Initializer.HE_NORMAL, 1);
        for (Network net : List.of(mlp, lenet, alexnet)) {
            Graph training = EpochProgram.build(net, Differentiator.standard(),
                    Distillation.softCrossEntropy(2, 0.6), Adam.adam(), new GlobalNormClipping(1), 8).graph();
            Graph inference = InferenceGraphs.withInitializers(net,
                    net.parameters().stream().map(org.temper.onnx.zoo.Parameter::initial).toList(), null);
            for (Graph g : List.of(training, inference)) {
                Path file = dir.resolve(g.name() + ".onnx");
                Files.write(file, OnnxProto.toModel(g, "temper", Map.of()).toByteArray());
                assertEquals(0, run(PYTHON, "-c", "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]),"
                        + " full_check=True)", file.toString()), "the ONNX checker rejected " + g.name() + " of "
                        + net.describe());
            }
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
