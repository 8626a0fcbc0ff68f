package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.temperature.TemperatureScaling;
import org.temper.tribuo.calibration.TribuoPredictions;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.test.Helpers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemperatureScaledModelTest {

    private static Dataset<Label> heldOut;
    private static Dataset<Label> test;
    private static NetworkModel network;
    private static TemperatureScaledModel scaled;

    @BeforeAll
    static void fit() {
        heldOut = FashionMnist.slice(6000, 1000);
        test = FashionMnist.test();
        // strong smoothing leaves the net under-confident, so the fitted T is well below 1
        network = new LabelSmoothingTrainer(0.4, org.temper.onnx.objective.LabelSmoothing.Variant.UNIFORM,
                Settings.small(), 9).train(FashionMnist.train());
        scaled = TemperatureScaledModel.fit(network, heldOut);
    }

    @Test
    void accuracyIsUnchangedAndConfidenceRescaled() {
        List<Prediction<Label>> before = network.predict(test);
        List<Prediction<Label>> after = scaled.predict(test);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getOutput().getLabel(), after.get(i).getOutput().getLabel());
        }
        assertTrue(scaled.temperature() < 0.9, "T = " + scaled.temperature());
        assertTrue(LabelSmoothingTrainerTest.meanConfidence(scaled, test)
                > LabelSmoothingTrainerTest.meanConfidence(network, test));
    }

    @Test
    void predictionsAreSoftmaxOfLogProbabilitiesOverT() {
        Prediction<Label> p = network.predict(test.getExample(0));
        Prediction<Label> q = scaled.predict(test.getExample(0));
        double t = scaled.temperature();
        double norm = p.getOutputScores().values().stream().mapToDouble(l -> Math.pow(l.getScore(), 1 / t)).sum();
        for (Label l : p.getOutputScores().values()) {
            assertEquals(Math.pow(l.getScore(), 1 / t) / norm, q.getOutputScores().get(l.getLabel()).getScore(), 1e-9);
        }
    }

    @Test
    void heldOutNllDoesNotGrow() {
        double before = CalibrationReport.of(TribuoPredictions.of(network.predict(heldOut),
                network.getOutputIDInfo())).value(Metric.NLL);
        double after = CalibrationReport.of(TribuoPredictions.of(scaled.predict(heldOut),
                scaled.getOutputIDInfo())).value(Metric.NLL);
        assertTrue(after <= before + 1e-9, after + " vs " + before);
    }

    @Test
    void provenanceRecordsTemperatureAndTheHeldOutDataAsCalibrationData() {
        ModelProvenance p = scaled.getProvenance();
        var run = p.getInstanceProvenance().getMap();
        assertEquals(Double.toString(scaled.temperature()), run.get("temperature").toString());
        assertEquals("NLL", run.get("temperature-objective").toString());
        assertEquals(heldOut.getProvenance(), run.get("calibration-data"));
        assertEquals(network.getProvenance(), run.get("scaled-model"));
        // the network's trainer saw its training data, never the held-out data
        assertEquals(network.getProvenance().getDatasetProvenance(), p.getDatasetProvenance());
        assertNotEquals(heldOut.getProvenance(), p.getDatasetProvenance());
        assertEquals(network.getProvenance().getTrainerProvenance(), p.getTrainerProvenance());
        Helpers.testProvenanceMarshalling(p);
    }

    @Test
    void exportsSoftmaxOfLogitsOverTThatOnnxExternalModelRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scaled.onnx");
        scaled.saveONNXModel("org.temper.test", 1, file);
        double difference = Comparisons.maxDifferenceInOnnxExternalModel(scaled, file, test);
        assertTrue(difference < 1e-5, "max difference " + difference);
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
        String stored = proto.getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(ONNXExportable.PROVENANCE_METADATA_FIELD)).findFirst().orElseThrow()
                .getValue();
        assertEquals(scaled.getProvenance(), ONNXExportable.SERIALIZER.deserializeAndUnmarshal(stored));
    }

    @Test
    void onlyAScaledNetworkExports() {
        TemperatureScaledModel twice = TemperatureScaledModel.fit(scaled, heldOut);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> twice.exportONNXModel("org.temper.test", 1));
        assertTrue(e.getMessage().contains("NetworkModel") && e.getMessage().contains("TemperatureScaledModel"),
                e.getMessage());
    }

    @Test
    void protobufRoundTripAndCopy() {
        Model<Label> back = Helpers.testModelProtoSerialization(scaled, Label.class, test);
        assertEquals(scaled.temperature(), ((TemperatureScaledModel) back).temperature());
        Model<Label> copy = scaled.copy();
        assertTrue(scaled.predict(test.getExample(2)).distributionEquals(copy.predict(test.getExample(2)), 0));
    }

    @Test
    void eceGridAlsoFits() {
        TemperatureScaledModel byEce = TemperatureScaledModel.fit(network, heldOut, TemperatureScaling.byEce());
        assertEquals("ECE", byEce.getProvenance().getInstanceProvenance().getMap().get("temperature-objective")
                .toString());
        assertTrue(byEce.temperature() >= 0.05 && byEce.temperature() <= 5);
    }

    @Test
    void emptyHeldOutDataIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaledModel.fit(network, FashionMnist.slice(0, 0)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
