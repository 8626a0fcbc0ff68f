package org.temper.onnx.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.temper.onnx.autodiff.Differentiator;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.SavedModel;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.graph.Graph;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.program.EpochProgram;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.program.ProgramNames;
import org.temper.onnx.program.TrainingSession;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Networks exported by PyTorch, imported, run, trained and saved by Temper. */
class ImportedNetworkTest {

    private static ImportedNetwork load(String model) throws Exception {
        NetworkImporter importer = ExportedModels.importer();
        if (model.equals("mixed")) {
            importer = importer.logits("logits").penultimate("features");
        }
        return importer.read(ExportedModels.path(model + ".onnx"));
    }

    private static List<TensorData> initial(Network net) {
        return net.parameters().stream().map(Parameter::initial).toList();
    }

    private static TrainedNetwork trained(Network net, List<TensorData> params) {
        return new TrainedNetwork(net, params, DenseDataset.defaultNames(net.numClasses()), Map.of());
    }

    private static float[] logits(ModelSession p, float[] inputs, int rows) throws Exception {
        FloatBuffer x = DenseDataset.allocateDirect(inputs.length);
        x.put(inputs).flip();
        return p.logits(x, rows);
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void theMlpKeepsPyTorchsParameterNamesAndShapes() throws Exception {
        ImportedNetwork net = load("mlp");
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"),
                net.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new long[] {32, 784}, net.parameters().get(0).initial().shape());
        assertArrayEquals(new long[] {1, 28, 28}, net.exampleShape());
        assertEquals(10, net.numClasses());
        assertTrue(net.describe().contains("opset 17"), net.describe());
    }

    @Test
    void theMixedNetworkTrainsEveryFloatInitializerAndKeepsShapeTensorsConstant() throws Exception {
        ImportedNetwork net = load("mixed");
        assertEquals(List.of("scale", "w", "b", "fc_tanh.weight", "fc_tanh.bias", "fc_sigmoid.weight",
                "fc_sigmoid.bias", "out.weight", "out.bias"), net.parameters().stream().map(Parameter::name).toList());
        assertArrayEquals(new long[] {4, 5}, net.exampleShape());
        assertEquals(3, net.numClasses());
    }

    @ParameterizedTest
    @CsvSource({"mlp", "mixed"})
    void reproducesPyTorchsLogits(String model) throws Exception {
        ImportedNetwork net = load(model);
        ExportedModels.Reference ref = ExportedModels.reference(model);
        try (ModelSession p = trained(net, initial(net)).session(ExecutionSettings.DEFAULT)) {
            float diff = maxAbsDiff(ref.logits(), logits(p, ref.inputs(), ref.rows()));
            assertTrue(diff < 1e-5, model + ": logits differ from PyTorch's by " + diff);
        }
    }

    @Test
    void thePenultimateValueBecomesAnOutputOfTheInferenceModel() throws Exception {
        Graph g = trained(load("mixed"), initial(load("mixed"))).inferenceGraph();
        assertTrue(g.outputs().stream().anyMatch(v -> v.name().equals(ProgramNames.PENULTIMATE)
                && v.shape().dim(1).size() == 16), g.outputs().toString());
    }

    /** Each class is a random template in [0, 1] plus Gaussian noise: separable, yet not at once. */
    private static DenseDataset templates(Network net, int n, long seed) {
        Random r = new Random(seed);
        int size = (int) Arrays.stream(net.exampleShape()).reduce(1, (a, b) -> a * b);
        int k = net.numClasses();
        float[][] template = new float[k][size];
        for (float[] t : template) {
            for (int i = 0; i < size; i++) {
                t[i] = r.nextFloat();
            }
        }
        float[] x = new float[n * size];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int j = 0; j < size; j++) {
                x[i * size + j] = (float) (template[(int) y[i]][j] + 0.5 * r.nextGaussian());
            }
        }
        return DenseDataset.of(x, y, net.exampleShape(), k);
    }

    private static TrainingSession.StepResults train(TrainingSession s, int steps, int batch, int n) throws Exception {
        Random r = new Random(3);
        long[] batches = new long[steps * batch];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = r.nextInt(n);
        }
        float[] rates = new float[steps];
        float[] weights = new float[steps];
        Arrays.fill(rates, 0.05f);
        Arrays.fill(weights, 1f);
        return s.run(batches, rates, weights);
    }

    private static double mean(float[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }

    @ParameterizedTest
    @CsvSource({"mlp", "mixed"})
    void trainingLowersTheLoss(String model) throws Exception {
        ImportedNetwork net = load(model);
        DenseDataset data = templates(net, 400, 11);
        EpochProgram program = EpochProgram.build(net, Differentiator.standard(),
                LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9), null, 20);
        try (TrainingSession s = new TrainingSession(program, 20, data, null, ExecutionSettings.DEFAULT)) {
            float[] losses = train(s, 60, 20, data.size()).losses();
            double first = mean(losses, 0, 10);
            double last = mean(losses, 50, 60);
            assertTrue(last < 0.5 * first, model + ": loss " + first + " -> " + last);
        }
    }

    @Test
    void theTrainingStepOfTheMlpDropsOutWithAMaskAndInferenceDoesNot() throws Exception {
        ImportedNetwork net = load("mlp");
        Graph program = EpochProgram.build(net, Differentiator.standard(),
                LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9), null, 20).graph();
        Graph body = (Graph) program.nodes().stream().filter(n -> n.opType().equals("Loop")).findFirst()
                .orElseThrow().attributes().get("body");
        List<Node> dropouts = body.nodes().stream().filter(n -> n.opType().equals("Dropout")).toList();
        assertEquals(1, dropouts.size());
        assertEquals(3, dropouts.get(0).inputs().size(), "ratio and training_mode");
        assertEquals(2, dropouts.get(0).outputs().size(), "output and mask");
        Graph inference = trained(net, initial(net)).inferenceGraph();
        assertFalse(inference.nodes().stream().anyMatch(n -> n.opType().equals("Dropout")));
    }

    @Test
    void aTrainedImportedNetworkSavesAsAnOrdinaryInferenceModel(@TempDir Path dir) throws Exception {
        ImportedNetwork net = load("mlp");
        DenseDataset data = templates(net, 200, 5);
        EpochProgram program = EpochProgram.build(net, Differentiator.standard(),
                LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9), null, 20);
        List<TensorData> params;
        try (TrainingSession s = new TrainingSession(program, 20, data, null, ExecutionSettings.DEFAULT)) {
            train(s, 10, 20, data.size());
            params = s.parameters();
        }
        TrainedNetwork trained = trained(net, params);
        Path file = dir.resolve("imported-mlp.onnx");
        trained.save(file);
        SavedModel saved = ModelFiles.read(file);
        assertEquals(trained.signature(), saved.signature());
        ExportedModels.Reference ref = ExportedModels.reference("mlp");
        float[] before;
        float[] expected;
        float[] actual;
        try (ModelSession original = trained(net, initial(net)).session(ExecutionSettings.DEFAULT);
             ModelSession inMemory = trained.session(ExecutionSettings.DEFAULT);
             ModelSession fromFile = saved.session(ExecutionSettings.DEFAULT)) {
            before = logits(original, ref.inputs(), ref.rows());
            expected = logits(inMemory, ref.inputs(), ref.rows());
            actual = logits(fromFile, ref.inputs(), ref.rows());
        }
        assertTrue(maxAbsDiff(before, expected) > 1e-3, "training did not change the logits");
        assertArrayEquals(expected, actual);
    }
}
