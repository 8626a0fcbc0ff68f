package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.graph.OnnxProto;
import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.runtime.ExecutionSettings;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.test.Helpers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkModelTest {

    private static Dataset<Label> test;
    private static NetworkModel model;

    @BeforeAll
    static void train() {
        test = FashionMnist.slice(9000, 300);
        model = new ConfidencePenaltyTrainer(0.3, Settings.small().epochs(2, 64), 11).train(FashionMnist.slice(0, 1000));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void protobufRoundTripKeepsProvenanceAndPredictions() {
        Model<Label> back = Helpers.testModelProtoSerialization(model, Label.class, test);
        assertTrue(back instanceof NetworkModel);
        ((NetworkModel) back).close();
    }

    @Test
    void javaSerializationAndFilesRoundTrip(@TempDir Path dir) throws Exception {
        Helpers.testModelSerialization(model, Label.class);
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        Model<Label> back = Model.deserializeFromFile(file).castModel(Label.class);
        assertEquals(model.getProvenance(), back.getProvenance());
        assertTrue(model.predict(test.getExample(3)).distributionEquals(back.predict(test.getExample(3)), 0));
    }

    @Test
    void copyPredictsTheSame() {
        Model<Label> copy = model.copy();
        assertTrue(copy instanceof NetworkModel);
        assertEquals(model.getProvenance(), copy.getProvenance());
        assertTrue(model.predict(test.getExample(5)).distributionEquals(copy.predict(test.getExample(5)), 0));
    }

    @Test
    void explanationsAreHonestlyAbsent() {
        assertTrue(model.getTopFeatures(5).isEmpty());
        assertTrue(model.getExcuse(test.getExample(0)).isEmpty());
    }

    @Test
    void aClosedModelRefusesPredictionsClearly() {
        NetworkModel copy = (NetworkModel) model.copy();
        Prediction<Label> before = copy.predict(test.getExample(1));
        assertTrue(before.distributionEquals(model.predict(test.getExample(1)), 0), "a copy predicts the same");
        copy.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> copy.predict(test.getExample(1)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        copy.close();
        NetworkModel unused = (NetworkModel) model.copy();
        unused.close();
        assertThrows(IllegalStateException.class, () -> unused.predict(test.getExample(1)));
    }

    @Test
    void exportedOnnxLoadsInOnnxExternalModelWithTheSameProbabilities(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("network.onnx");
        model.saveONNXModel("org.temper.test", 1, file);
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(java.nio.file.Files.readAllBytes(file));
        String stored = proto.getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(ONNXExportable.PROVENANCE_METADATA_FIELD)).findFirst().orElseThrow()
                .getValue();
        assertEquals(model.getProvenance(), ONNXExportable.SERIALIZER.deserializeAndUnmarshal(stored));
        assertEquals("Tribuo", proto.getProducerName());

        double maxDifference = Comparisons.maxDifferenceInOnnxExternalModel(model, file, test);
        assertTrue(maxDifference < 1e-5, "max difference " + maxDifference);
    }

    @Test
    void penultimateActivationsHaveTheLastHiddenWidthAndFeedTheLogits() {
        Dataset<Label> data = FashionMnist.slice(0, 300);
        List<Example<Label>> examples = test.getData().subList(0, 50);
        try (NetworkModel deep = LabelSmoothingTrainer.hardTargets(new NetworkSettings().hiddenSizes(24, 12)
                .epochs(1, 64), 1).train(data)) {
            float[][] h = deep.penultimateActivations(examples);
            assertEquals(examples.size(), h.length);
            Map<String, float[]> weights = new HashMap<>();
            deep.trainedGraph().getGraph().getInitializerList()
                    .forEach(t -> weights.put(t.getName(), OnnxProto.tensorData(t).toFloats()));
            float[] w = weights.get("W2");
            float[] b = weights.get("b2");
            List<Prediction<Label>> predicted = deep.predict(examples);
            for (int i = 0; i < h.length; i++) {
                assertEquals(12, h[i].length);
                double[] logits = new double[b.length];
                for (int k = 0; k < b.length; k++) {
                    logits[k] = b[k];
                    for (int j = 0; j < 12; j++) {
                        logits[k] += w[k * 12 + j] * h[i][j];
                    }
                }
                LabelPredictions.softmaxInPlace(logits);
                for (int k = 0; k < logits.length; k++) {
                    String label = deep.getOutputIDInfo().getOutput(k).getLabel();
                    assertEquals(logits[k], predicted.get(i).getOutputScores().get(label).getScore(), 1e-5);
                }
            }
        }
        try (NetworkModel linear = LabelSmoothingTrainer.hardTargets(new NetworkSettings().hiddenSizes()
                .epochs(1, 64), 1).train(data)) {
            assertEquals(linear.getFeatureIDMap().size(), linear.penultimateActivations(examples)[0].length,
                    "a linear model's last layer reads the standardised input");
        }
    }

    @Test
    void predictionsOnTheConfiguredTwoThreadsEqualThoseOnTheSharedPool() throws Exception {
        OnnxMl.ModelProto graph = model.trainedGraph();
        assertTrue(graph.getMetadataPropsList().stream().anyMatch(e -> e.getKey().equals("temper.recipe.threads")
                && e.getValue().equals("2")), "Settings.small() trains with two threads");
        float[] shared;
        try (ModelSession session = ModelFiles.parse(graph.toByteArray(), "shared").session(ExecutionSettings.DEFAULT)) {
            shared = session.probabilities(DenseExamples.features(test.getData(),
                    DenseExamples.columns(model.getFeatureIDMap()), null), test.size());
        }
        List<Prediction<Label>> predicted = model.predict(test);
        int k = model.getOutputIDInfo().size();
        double max = 0;
        for (int i = 0; i < predicted.size(); i++) {
            for (int c = 0; c < k; c++) {
                String label = model.getOutputIDInfo().getOutput(c).getLabel();
                max = Math.max(max, Math.abs(shared[i * k + c] - predicted.get(i).getOutputScores().get(label).getScore()));
            }
        }
        assertEquals(0, max, 1e-6);
    }

    @Test
    void provenanceNamesTheModelClassAndTheDataSet() {
        ModelProvenance p = model.getProvenance();
        assertEquals(NetworkModel.class.getName(), p.getClassName());
        assertTrue(p.getDatasetProvenance().toString().contains("fashion-mnist"));
        assertEquals(ConfidencePenaltyTrainer.class.getName(), p.getTrainerProvenance().getClassName());
    }
}
