package org.temper.onnx.fit;

import org.temper.onnx.model.SavedModel;
import org.temper.onnx.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.Standardization;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.data.SyntheticData;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitterTest {


    private static Mlp net() {
        return Mlp.create(new long[] {4}, new int[] {16}, 3, 0, Initializer.HE_NORMAL, null, 3);
    }

    private static TrainingConfig config() {
        return config(5, 0.05, 0, 0, null);
    }

    /** Hard targets, SGD with momentum 0.9, batch 16, seed 1, on the CPU. */
    private static TrainingConfig config(int epochs, double rate, int patience, int progressSteps, Duration budget) {
        return new TrainingConfig(LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(rate), null, epochs, 16, 0, patience, budget, ExecutionSettings.DEFAULT,
                1L, progressSteps);
    }

    @Test
    void fitsBlobsAndReportsEveryEpoch() throws Exception {
        List<EpochReport> seen = new java.util.ArrayList<>();
        FitResult r = new Fitter(config(), List.of(new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                seen.add(report);
            }
        })).fit(net(), SyntheticData.blobs(300, 1), SyntheticData.blobs(90, 2), null);
        assertEquals(StopReason.COMPLETED, r.stopReason());
        assertEquals(5, seen.size());
        assertEquals(r.history(), seen);
        EpochReport last = seen.get(4);
        assertTrue(last.validationAccuracy() > 0.9, "validation accuracy " + last.validationAccuracy());
        assertTrue(last.loss() < seen.get(0).loss());
        long dataBytes = 300 * (4 * Float.BYTES + Long.BYTES);
        long stateBytes = 2 * 2 * (16 * 4 + 16 + 3 * 16 + 3) * Float.BYTES;
        int calls = 10;
        int steps = 19;
        assertEquals(calls * (dataBytes + stateBytes + Long.BYTES + 2 * Float.BYTES)
                + steps * (16 * Long.BYTES + 4 * Float.BYTES), last.hostBytes(), "10 runs of 19 steps of 16");
    }

    @Test
    void earlyStoppingKeepsTheBestEpochWhenValidationStopsImproving() throws Exception {
        TrainingConfig c = config(10, 1e-12, 2, 0, null);
        FitResult r = new Fitter(c, List.of()).fit(net(), SyntheticData.blobs(90, 1), SyntheticData.blobs(30, 2), null);
        assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
        assertEquals(3, r.history().size(), "best at epoch 1, then 2 epochs without improvement");
    }

    @Test
    void earlyStoppingReturnsTheParametersOfTheBestEpoch() throws Exception {
        // validation labels shifted by one class: the better the network learns, the worse it validates
        DenseDataset v = SyntheticData.blobs(60, 2);
        float[] x = new float[v.size() * v.exampleSize()];
        v.features().get(0, x);
        long[] shifted = new long[v.size()];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (v.label(i) + 1) % 3;
        }
        DenseDataset wrong = DenseDataset.of(x, shifted, v.exampleShape(), 3);
        DenseDataset train = SyntheticData.blobs(300, 1);
        FitResult stopped = new Fitter(config(5, 0.05, 1, 0, null), List.of()).fit(net(), train, wrong, null);
        assertEquals(StopReason.EARLY_STOPPING, stopped.stopReason());
        assertEquals(2, stopped.history().size());
        assertEquals(1, stopped.keptEpoch());
        FitResult first = new Fitter(config(1, 0.05, 0, 0, null), List.of()).fit(net(), train, null, null);
        FitResult both = new Fitter(config(2, 0.05, 0, 0, null), List.of()).fit(net(), train, null, null);
        for (int p = 0; p < first.network().parameters().size(); p++) {
            float[] kept = stopped.network().parameters().get(p).toFloats();
            assertArrayEquals(first.network().parameters().get(p).toFloats(), kept, "parameter " + p);
            assertFalse(Arrays.equals(both.network().parameters().get(p).toFloats(), kept), "parameter " + p);
        }
    }

    @Test
    void listenersThatAskAreHandedTheNetworkOfEveryEpoch() throws Exception {
        DenseDataset train = SyntheticData.blobs(300, 1);
        List<TrainedNetwork> networks = new java.util.ArrayList<>();
        List<Integer> epochs = new java.util.ArrayList<>();
        TrainingListener asks = new TrainingListener() {
            @Override
            public boolean wantsNetwork() {
                return true;
            }

            @Override
            public void onNetwork(EpochReport report, TrainedNetwork network) {
                epochs.add(report.epoch());
                networks.add(network);
            }
        };
        TrainingListener silent = new TrainingListener() {
            @Override
            public void onNetwork(EpochReport report, TrainedNetwork network) {
                throw new AssertionError("handed a network it did not ask for");
            }
        };
        Standardization inputs = Standardization.fit(train);
        FitResult both = new Fitter(config(2, 0.05, 0, 0, null), List.of(asks, silent), inputs)
                .fit(net(), train, null, null);
        FitResult first = new Fitter(config(1, 0.05, 0, 0, null), List.of()).fit(net(), train, null, null);
        assertEquals(List.of(1, 2), epochs);
        for (int p = 0; p < both.network().parameters().size(); p++) {
            assertArrayEquals(first.network().parameters().get(p).toFloats(),
                    networks.get(0).parameters().get(p).toFloats(), "epoch 1, parameter " + p);
            assertArrayEquals(both.network().parameters().get(p).toFloats(),
                    networks.get(1).parameters().get(p).toFloats(), "epoch 2, parameter " + p);
        }
        assertSame(inputs, networks.get(1).standardization(), "the networks take raw features");
        assertFalse(networks.get(1).metadata().containsKey("temper.stop_reason"));
    }

    @Test
    void stopRequestAndTimeBudgetEndTrainingEarly() throws Exception {
        FitResult stopped = new Fitter(config(5, 0.05, 0, 1, null), List.of(new TrainingListener() {
            @Override
            public boolean stopRequested() {
                return true;
            }
        })).fit(net(), SyntheticData.blobs(90, 1), null, null);
        assertEquals(StopReason.STOP_REQUESTED, stopped.stopReason());
        assertTrue(stopped.history().isEmpty());
        FitResult timed = new Fitter(config(5, 0.05, 0, 1, Duration.ZERO), List.of())
                .fit(net(), SyntheticData.blobs(90, 1), null, null);
        assertEquals(StopReason.TIME_BUDGET, timed.stopReason());
    }

    @Test
    void divergenceNamesTheEpochAndTheLearningRate() {
        TrainingConfig c = config(5, 1e30, 0, 0, null);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Fitter(c, List.of()).fit(net(), SyntheticData.blobs(90, 1), null, null));
        assertTrue(e.getMessage().contains("epoch 1") && e.getMessage().contains("learning rate 1.000e+30"), e.getMessage());
    }

    @Test
    void aFiniteBlowUpIsDivergenceToo() {
        // at this rate the loss grows to about 1e20 while staying finite for many steps
        TrainingConfig c = config(5, 1e6, 0, 1, null);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Fitter(c, List.of()).fit(net(), SyntheticData.blobs(90, 1), null, null));
        String loss = e.getMessage().replaceAll(".*the loss is (\\S+) with.*", "$1");
        assertTrue(Double.isFinite(Double.parseDouble(loss)), "caught while finite: " + e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 1.000e+06"), e.getMessage());
    }

    @Test
    void badDataIsRefusedBeforeTraining() {
        Fitter f = new Fitter(config(), List.of());
        DenseDataset oneClass = DenseDataset.of(new float[8], new long[] {1, 1}, new long[] {4}, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.fit(net(), oneClass, null, null))
                .getMessage().contains("only one class"));
        DenseDataset empty = DenseDataset.of(new float[0], new long[0], new long[] {4}, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.fit(net(), empty, null, null))
                .getMessage().contains("empty"));
        float[] x = new float[8];
        x[5] = Float.NaN;
        DenseDataset nan = DenseDataset.of(x, new long[] {0, 1}, new long[] {4}, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.fit(net(), nan, null, null))
                .getMessage().contains("Feature 1 of example 1 is NaN"));
        DenseDataset wide = DenseDataset.of(new float[10], new long[] {0, 1}, new long[] {5}, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> f.fit(net(), wide, null, null))
                .getMessage().contains("shape"));
    }

    @Test
    void savedModelPredictsTheSameLogitsAndKeepsMetadata(@TempDir Path dir) throws Exception {
        FitResult r = new Fitter(config(), List.of()).fit(net(), SyntheticData.blobs(90, 1), null, null);
        Path file = dir.resolve("m.onnx");
        r.network().save(file);
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> r.network().save(file));
        SavedModel loaded = ModelFiles.read(file);
        assertEquals(List.of("0", "1", "2"), loaded.classNames());
        assertEquals(LabelSmoothing.hardTargets().describe(), loaded.metadata().get("temper.objective"));
        DenseDataset test = SyntheticData.blobs(30, 9);
        try (ModelSession a = r.network().session(ExecutionSettings.DEFAULT);
             ModelSession b = loaded.session(ExecutionSettings.DEFAULT)) {
            assertArrayEquals(a.logits(test.features(), test.size()), b.logits(test.features(), test.size()));
        }
    }

    @Test
    void corruptAndHostileModelFilesAreRefused(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.onnx");
        byte[] bytes = new byte[256];
        new Random(1).nextBytes(bytes);
        Files.write(junk, bytes);
        assertTrue(assertThrows(IOException.class, () -> ModelFiles.read(junk)).getMessage()
                .contains("not an ONNX model"));

        FitResult r = new Fitter(config(1, 0.05, 0, 0, null), List.of()).fit(net(), SyntheticData.blobs(30, 1), null, null);
        Path truncated = dir.resolve("truncated.onnx");
        byte[] whole = r.network().toOnnx().toByteArray();
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThrows(IOException.class, () -> ModelFiles.read(truncated));

        var model = r.network().toOnnx().toBuilder();
        var graph = model.getGraphBuilder();
        var w = graph.getInitializer(0).toBuilder().clearRawData()
                .setDataLocation(ai.onnx.proto.OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey("location").setValue("../../etc/passwd"));
        graph.setInitializer(0, w);
        Path hostile = dir.resolve("hostile.onnx");
        Files.write(hostile, model.build().toByteArray());
        assertTrue(assertThrows(IOException.class, () -> ModelFiles.read(hostile)).getMessage()
                .contains("outside the model's folder"));
    }

    @Test
    void externalDataInsideTheFolderIsInlined(@TempDir Path dir) throws Exception {
        FitResult r = new Fitter(config(1, 0.05, 0, 0, null), List.of()).fit(net(), SyntheticData.blobs(30, 1), null, null);
        var model = r.network().toOnnx().toBuilder();
        var graph = model.getGraphBuilder();
        var first = graph.getInitializer(0);
        Files.write(dir.resolve("weights.bin"), first.getRawData().toByteArray());
        graph.setInitializer(0, first.toBuilder().clearRawData()
                .setDataLocation(ai.onnx.proto.OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder()
                        .setKey("location").setValue("weights.bin")));
        Path file = dir.resolve("external.onnx");
        Files.write(file, model.build().toByteArray());
        DenseDataset test = SyntheticData.blobs(12, 5);
        try (ModelSession a = r.network().session(ExecutionSettings.DEFAULT);
             ModelSession b = ModelFiles.read(file).session(ExecutionSettings.DEFAULT)) {
            assertArrayEquals(a.logits(test.features(), test.size()), b.logits(test.features(), test.size()));
        }
    }
}
