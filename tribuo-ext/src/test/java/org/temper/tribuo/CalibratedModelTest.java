package org.temper.tribuo;

import ai.onnx.proto.OnnxMl;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.tribuo.calibration.TribuoPredictions;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.test.Helpers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network trained with strong label smoothing (alpha 0.4, so under-confident) on 2,000
 * Fashion-MNIST images, recalibrated on 1,000 others and measured on 1,000 more.
 */
class CalibratedModelTest {

    private static Dataset<Label> heldOut;
    private static Dataset<Label> test;
    private static NetworkModel network;
    private static CalibratedModel scaled;
    private static Path exported;
    private static ONNXExternalModel<Label> external;

    @BeforeAll
    static void fit(@TempDir Path dir) throws Exception {
        heldOut = FashionMnist.slice(6000, 1000);
        test = FashionMnist.test();
        network = new LabelSmoothingTrainer(0.4, LabelSmoothing.Variant.UNIFORM, Settings.small(), 9)
                .train(FashionMnist.train());
        scaled = CalibratedModel.fit(network, heldOut, CalibrationMethod.TEMPERATURE);
        exported = dir.resolve("network.onnx");
        network.saveONNXModel("org.temper.test", 1, exported);
        external = Comparisons.external(network, exported);
    }

    @AfterAll
    static void close() throws Exception {
        external.close();
    }

    static double ece(Model<Label> model, Dataset<Label> data) {
        return CalibrationReport.of(TribuoPredictions.of(model.predict(data), model.getOutputIDInfo()))
                .value(Metric.ECE);
    }

    private static double temperature(CalibratedModel model) {
        return model.calibrationMaps().get(0).parameters().get("T").get(0);
    }

    @ParameterizedTest
    @EnumSource(CalibrationMethod.class)
    void everyMethodLowersTheTestEce(CalibrationMethod method) {
        double before = ece(network, test);
        double after = ece(CalibratedModel.fit(network, heldOut, method), test);
        // measured: before 0.312; after 0.025 (temperature), 0.033 (isotonic, histogram), 0.037 (Platt)
        assertTrue(before > 0.2, "the smoothed network is miscalibrated: ECE " + before);
        assertTrue(after < 0.06 && after < before / 4, method + ": ECE " + before + " -> " + after);
    }

    @Test
    void temperatureKeepsTheLabelsAndGivesSoftmaxOfLogProbabilitiesOverT() {
        List<Prediction<Label>> before = network.predict(test);
        List<Prediction<Label>> after = scaled.predict(test);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getOutput().getLabel(), after.get(i).getOutput().getLabel());
        }
        double t = temperature(scaled);
        assertTrue(t < 0.9, "T = " + t);
        Prediction<Label> p = before.get(0);
        double norm = p.getOutputScores().values().stream().mapToDouble(l -> Math.pow(l.getScore(), 1 / t)).sum();
        for (Label l : p.getOutputScores().values()) {
            assertEquals(Math.pow(l.getScore(), 1 / t) / norm, after.get(0).getOutputScores().get(l.getLabel())
                    .getScore(), 1e-9);
        }
    }

    @Test
    void anyProbabilisticModelIsCalibratedTheSameWay() {
        // Tribuo's own ONNXExternalModel running the network's export: the same probabilities, so the same T
        CalibratedModel foreign = CalibratedModel.fit(external, heldOut, CalibrationMethod.TEMPERATURE);
        assertEquals(temperature(scaled), temperature(foreign), 1e-4);
        assertTrue(Comparisons.maxDifference(scaled.predict(test), foreign.predict(test)) < 1e-4);
    }

    @Test
    void provenanceRecordsMethodParametersHeldOutDataAndTheWrappedModel() {
        CalibratedModel isotonic = CalibratedModel.fit(network, heldOut, CalibrationMethod.ISOTONIC);
        ModelProvenance p = isotonic.getProvenance();
        var run = p.getInstanceProvenance().getMap();
        assertEquals("isotonic", run.get("calibration-method").toString());
        assertEquals(List.of(isotonic.calibrationMaps().get(0).describe()),
                ((ListProvenance<?>) run.get("calibration-parameters")).getList().stream().map(Object::toString)
                        .toList());
        assertTrue(isotonic.calibrationMaps().get(0).describe().startsWith("isotonic calibration (10 classes)"));
        assertEquals(heldOut.getProvenance(), run.get("calibration-data-0"));
        assertEquals(network.getProvenance(), run.get("calibrated-model-0"));
        assertEquals("15", run.get("calibration-bins").toString());
        // the network's trainer saw its training data, never the held-out data
        assertEquals(network.getProvenance().getDatasetProvenance(), p.getDatasetProvenance());
        assertEquals(network.getProvenance().getTrainerProvenance(), p.getTrainerProvenance());
        Helpers.testProvenanceMarshalling(p);
        String temperature = ((ListProvenance<?>) scaled.getProvenance().getInstanceProvenance().getMap()
                .get("calibration-parameters")).getList().get(0).toString();
        assertTrue(temperature.contains("T = " + temperature(scaled)), temperature);
    }

    @Test
    void temperatureScalingExportsSoftmaxOfLogitsOverTThatOnnxExternalModelRuns(@TempDir Path dir) throws Exception {
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

    @ParameterizedTest
    @EnumSource(value = CalibrationMethod.class, names = {"VECTOR", "MATRIX", "DIRICHLET"})
    void linearMapsBeforeTheSoftmaxExportAndOnnxExternalModelRunsThemAlike(CalibrationMethod method, @TempDir Path dir)
            throws Exception {
        CalibratedModel model = CalibratedModel.fit(network, heldOut, method);
        Path file = dir.resolve(method.key() + ".onnx");
        model.saveONNXModel("org.temper.test", 1, file);
        double difference = Comparisons.maxDifferenceInOnnxExternalModel(model, file, test);
        assertTrue(difference < 1e-4, method.key() + ": max difference " + difference);
        assertTrue(Comparisons.maxDifference(model.predict(test), network.predict(test)) > 1e-3,
                "the map changed the probabilities, so the export's equality means something");
    }

    @Test
    void otherMethodsAndOtherModelsSayTheyDoNotExport() {
        CalibratedModel platt = CalibratedModel.fit(network, heldOut, CalibrationMethod.PLATT);
        UnsupportedOperationException method = assertThrows(UnsupportedOperationException.class,
                () -> platt.exportONNXModel("org.temper.test", 1));
        assertTrue(method.getMessage().contains("Only temperature, vector, matrix and Dirichlet calibration export")
                && method.getMessage()
                .contains("platt") && method.getMessage().contains("serialize()"), method.getMessage());
        CalibratedModel twice = CalibratedModel.fit(scaled, heldOut, CalibrationMethod.TEMPERATURE);
        UnsupportedOperationException model = assertThrows(UnsupportedOperationException.class,
                () -> twice.exportONNXModel("org.temper.test", 1));
        assertTrue(model.getMessage().contains("NetworkModel") && model.getMessage().contains("CalibratedModel"),
                model.getMessage());
    }

    @ParameterizedTest
    @EnumSource(CalibrationMethod.class)
    void protobufAndJavaSerializationPredictTheSame(CalibrationMethod method) throws Exception {
        CalibratedModel model = CalibratedModel.fit(network, heldOut, method, 7);
        Model<Label> back = Helpers.testModelProtoSerialization(model, Label.class, test);
        assertEquals(method, ((CalibratedModel) back).method());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        CalibratedModel java;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            java = (CalibratedModel) in.readObject();
        }
        assertEquals(0.0, Comparisons.maxDifference(model.predict(test), java.predict(test)));
        Model<Label> copy = model.copy();
        assertEquals(0.0, Comparisons.maxDifference(model.predict(test), copy.predict(test)));
    }

    @Test
    void badHeldOutDataIsRefusedBeforeFitting() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(network, FashionMnist.slice(0, 0), CalibrationMethod.PLATT));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        MutableDataset<Label> oneClass = FashionMnist.slice(0, 0);
        heldOut.forEach(e -> {
            if (e.getOutput().getLabel().equals(heldOut.getExample(0).getOutput().getLabel())) {
                oneClass.add(e);
            }
        });
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(network, oneClass, CalibrationMethod.ISOTONIC));
        assertTrue(single.getMessage().contains("one class only (" + heldOut.getExample(0).getOutput().getLabel()
                + ")") && single.getMessage().contains("at least two classes"), single.getMessage());
        IllegalArgumentException bins = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(network, heldOut, CalibrationMethod.HISTOGRAM, 0));
        assertTrue(bins.getMessage().contains("at least 1 bin"), bins.getMessage());
        String absent = heldOut.getExample(0).getOutput().getLabel();
        MutableDataset<Label> withoutOne = FashionMnist.slice(0, 0);
        heldOut.forEach(e -> {
            if (!e.getOutput().getLabel().equals(absent)) {
                withoutOne.add(e);
            }
        });
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(network, withoutOne, CalibrationMethod.VECTOR));
        int id = network.getOutputIDInfo().getID(new Label(absent));
        assertTrue(missing.getMessage().startsWith("Held-out set 0 (" + withoutOne.size() + " examples) cannot fit"
                + " vector: vector scaling needs held-out examples of every class, but class " + id + " of 10 never"
                + " occurs") && missing.getMessage().contains("(classes 0 to 9: ")
                && missing.getMessage().contains(absent), missing.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(network, FashionMnist.slice(6000, 10), CalibrationMethod.HISTOGRAM));
        assertTrue(few.getMessage().startsWith("Held-out set 0 (10 examples) cannot fit histogram: histogram binning"
                + " (equal-mass, 15 bins) needs at least 15 held-out examples, got 10"), few.getMessage());
    }

    @Test
    void aFitWithoutAnOptimumSaysSoAndCalibratesNothing() {
        MutableDataset<Label> right = FashionMnist.slice(0, 0);
        heldOut.forEach(e -> {
            if (network.predict(e).getOutput().getLabel().equals(e.getOutput().getLabel())) {
                right.add(e);
            }
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(network, right, CalibrationMethod.TEMPERATURE));
        assertTrue(e.getMessage().startsWith("temperature could not be fitted, so nothing was calibrated: NLL keeps"
                + " falling as T goes to 0"), e.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // a regression model handed over through raw types
    void modelsWithoutProbabilitiesOrOfOtherOutputsAreRefused() {
        Model<Label> scores = DummyClassifierTrainer.createMostFrequentTrainer().train(FashionMnist.slice(0, 50));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit(scores, heldOut, CalibrationMethod.PLATT));
        assertTrue(e.getMessage().contains("needs probabilities") && e.getMessage().contains("DummyClassifierModel"),
                e.getMessage());
        MutableDataset<Regressor> numbers = new MutableDataset<>(new SimpleDataSourceProvenance("numbers",
                new RegressionFactory()), new RegressionFactory());
        numbers.add(new ArrayExample<>(new Regressor("y", 1.5), new String[] {"a"}, new double[] {1}));
        Model regression = DummyRegressionTrainer.createMeanTrainer().train(numbers);
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> CalibratedModel.fit((Model<Label>) regression, heldOut, CalibrationMethod.PLATT));
        assertTrue(r.getMessage().contains("classifiers of Labels") && r.getMessage().contains("Model<Label>"),
                r.getMessage());
    }
}
