package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.LabelTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
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

        Map<String, Integer> features = new HashMap<>();
        model.getFeatureIDMap().forEach(f -> features.put(f.getName(), model.getFeatureIDMap().getID(f.getName())));
        Map<Label, Integer> outputs = new HashMap<>();
        model.getOutputIDInfo().getDomain().forEach(l -> outputs.put(l, model.getOutputIDInfo().getID(l)));
        try (ONNXExternalModel<Label> external = ONNXExternalModel.createOnnxModel(new LabelFactory(), features, outputs,
                new DenseTransformer(), new LabelTransformer(true), new OrtSession.SessionOptions(), file, "input")) {
            List<Prediction<Label>> ours = model.predict(test);
            List<Prediction<Label>> theirs = external.predict(test);
            double maxDifference = 0;
            for (int i = 0; i < ours.size(); i++) {
                for (Map.Entry<String, Label> e : ours.get(i).getOutputScores().entrySet()) {
                    double other = theirs.get(i).getOutputScores().get(e.getKey()).getScore();
                    maxDifference = Math.max(maxDifference, Math.abs(e.getValue().getScore() - other));
                }
                assertEquals(ours.get(i).getOutput().getLabel(), theirs.get(i).getOutput().getLabel());
            }
            assertTrue(maxDifference < 1e-5, "max difference " + maxDifference);
        }
    }

    @Test
    void provenanceNamesTheModelClassAndTheDataSet() {
        ModelProvenance p = model.getProvenance();
        assertEquals(NetworkModel.class.getName(), p.getClassName());
        assertTrue(p.getDatasetProvenance().toString().contains("fashion-mnist"));
        assertEquals(ConfidencePenaltyTrainer.class.getName(), p.getTrainerProvenance().getClassName());
    }
}
