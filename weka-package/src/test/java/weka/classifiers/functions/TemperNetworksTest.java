package weka.classifiers.functions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.weka.FashionMnistSubsets;
import org.temper.weka.TabularData;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.lazy.IBk;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.core.WekaException;
import weka.gui.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three classifiers on a Fashion-MNIST subset (learning, persistence, options, progress, stopping) and on
 * wine (early stopping, instance weights).
 */
class TemperNetworksTest {

    static AbstractTemperNetwork[] classifiers() {
        return SmallNetworks.all();
    }

    private static double accuracy(Classifier c, Instances train, Instances test) throws Exception {
        Evaluation e = new Evaluation(train);
        e.evaluateModel(c, test);
        return e.pctCorrect() / 100;
    }

    /**
     * @param logged receives the log's lines
     * @param onStatus receives the status line's messages
     * @return a GUI log as the Explorer passes one
     */
    private static Logger recording(List<String> logged, Consumer<String> onStatus) {
        return new Logger() {
            @Override
            public void logMessage(String message) {
                logged.add(message);
            }

            @Override
            public void statusMessage(String message) {
                onStatus.accept(message);
            }
        };
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void learnsFashionMnistAndSurvivesSerialization(AbstractTemperNetwork network) throws Exception {
        Instances train = FashionMnistSubsets.train();
        Instances test = FashionMnistSubsets.test();
        network.buildClassifier(train);
        assertTrue(accuracy(network, train, test) > 0.6, network.getClass().getSimpleName() + " should beat 60%");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.write(bytes, network);
        Classifier back = (Classifier) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
        double[][] before = network.distributionsForInstances(test);
        double[][] after = ((AbstractTemperNetwork) back).distributionsForInstances(test);
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 1e-6);
            assertArrayEquals(before[i], back.distributionForInstance(test.instance(i)), 1e-5);
        }
    }

    @ParameterizedTest
    @MethodSource("classifiers")
    void optionsRoundTripThroughTheCommandLine(AbstractTemperNetwork network) throws Exception {
        network.setDropout(0.25);
        network.setOptimizer(org.temper.onnx.recipe.Recipe.OptimizerKind.ADAMW);
        network.setSeed(7);
        String[] options = network.getOptions();
        AbstractTemperNetwork copy = (AbstractTemperNetwork) AbstractClassifier.forName(
                network.getClass().getName(), options.clone());
        assertEquals(Utils.joinOptions(options), Utils.joinOptions(copy.getOptions()));
        assertEquals(0.25, copy.getDropout());
        assertEquals(org.temper.onnx.recipe.Recipe.OptimizerKind.ADAMW, copy.getOptimizer());
        assertEquals(7, copy.getSeed());
    }

    @Test
    void reportsEveryEpochToTheGuiLogAndStopsWhenInterrupted() throws Exception {
        Instances train = FashionMnistSubsets.train();
        List<String> logged = new ArrayList<>();
        List<String> status = new ArrayList<>();
        boolean[] pressStop = {false};
        LabelSmoothedNetwork network = SmallNetworks.small(new LabelSmoothedNetwork());
        network.setLog(recording(logged, message -> {
            status.add(message);
            if (pressStop[0]) {
                Thread.currentThread().interrupt();
            }
        }));
        network.buildClassifier(train);
        assertEquals(5, logged.size());
        assertTrue(logged.get(4).startsWith("LabelSmoothedNetwork: epoch 5/5: loss "), logged.get(4));
        assertTrue(status.size() > logged.size(), "status line updates within epochs");

        logged.clear();
        pressStop[0] = true;
        try {
            network.buildClassifier(train);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller (the Explorer)");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of("LabelSmoothedNetwork: stopped on request after 0 of 5 epochs; the network trained so far"
                + " is kept"), logged, "stopped within the first epoch, and said so");
        assertTrue(network.toString().contains("stop reason: stop_requested"), network.toString());
        assertTrue(accuracy(network, train, FashionMnistSubsets.test()) > 0.1, "the partly trained model predicts");
    }

    @Test
    void tellsTheGuiLogWhenEarlyStoppingFiredAndWhichEpochWasKept() throws Exception {
        List<String> logged = new ArrayList<>();
        LabelSmoothedNetwork network = SmallNetworks.small(new LabelSmoothedNetwork());
        network.setEpochs(100);
        network.setValidationFraction(0.3);
        network.setPatience(1);
        network.setLog(recording(logged, message -> { }));
        network.buildClassifier(TabularData.wine());
        String last = logged.get(logged.size() - 1);
        Matcher m = Pattern.compile("LabelSmoothedNetwork: Early stopping after epoch (\\d+): kept the weights of"
                + " epoch (\\d+) \\(validation accuracy (\\d+\\.\\d\\d)%\\)\\.").matcher(last);
        assertTrue(m.matches(), "the last log line says that early stopping fired:\n" + String.join("\n", logged));
        int ran = Integer.parseInt(m.group(1));
        int kept = Integer.parseInt(m.group(2));
        assertTrue(ran < 100, "stopped early: " + last);
        assertEquals(ran, logged.size() - 1, "one line per epoch run, then the early-stopping line");
        assertEquals(ran - 1, kept, "patience 1: the epoch before the one that did not improve");
        assertTrue(logged.get(kept - 1).contains("validation accuracy " + m.group(3) + "%"),
                "the kept epoch's own line shows the same validation accuracy: " + logged.get(kept - 1));
        assertTrue(network.toString().contains(last.substring("LabelSmoothedNetwork: ".length())),
                "the model's output says so too:\n" + network);
    }

    @Test
    void refusesWeightedTrainingDataOrIgnoresTheWeightsAsItsDescriptionSays() throws Exception {
        Instances wine = TabularData.wine();
        Instances weighted = new Instances(wine);
        Random random = new Random(3);
        weighted.forEach(instance -> instance.setWeight(0.1 + 10 * random.nextDouble()));
        LabelSmoothedNetwork plain = SmallNetworks.small(new LabelSmoothedNetwork());
        LabelSmoothedNetwork heavy = SmallNetworks.small(new LabelSmoothedNetwork());
        assertFalse(heavy instanceof WeightedInstancesHandler, "meta classifiers resample rather than reweight");
        String refusal = assertThrows(WekaException.class, () -> heavy.buildClassifier(weighted)).getMessage();
        assertTrue(refusal.contains("instance weights are not equal to 1"), refusal);

        heavy.setDoNotCheckCapabilities(true);
        heavy.buildClassifier(weighted);
        plain.buildClassifier(wine);
        double[][] expected = plain.distributionsForInstances(wine);
        double[][] actual = heavy.distributionsForInstances(wine);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0, "instance " + i + ": every instance counts once");
        }
        for (AbstractTemperNetwork network : SmallNetworks.all()) {
            assertTrue(((String) network.getClass().getMethod("globalInfo").invoke(network))
                    .contains("Instance weights are not used"), network.getClass().getSimpleName());
        }
    }

    @Test
    void distilsFromAWekaClassifierAndFromAnOnnxFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Instances train = FashionMnistSubsets.train();
        Instances test = FashionMnistSubsets.test();
        DistilledNetwork fromWeka = SmallNetworks.small(new DistilledNetwork());
        fromWeka.setTeacher(new IBk(5));
        fromWeka.buildClassifier(train);
        double fromKnn = accuracy(fromWeka, train, test);
        assertTrue(fromKnn > 0.6, "distilled from 5-NN: accuracy " + fromKnn);

        DenseDataset dense = FashionMnistSubsets.trainDense();
        Path onnx = dir.resolve("teacher.onnx");
        TrainingConfig config = new TrainingConfig(LabelSmoothing.hardTargets(), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(0.05), null, 5, 32, 0, 0, null, ExecutionSettings.DEFAULT, 1L, 0);
        new Fitter(config, List.of())
                .fit(Mlp.create(dense.exampleShape(), new int[] {32}, 10, 0, Initializer.HE_NORMAL, null, 1), dense,
                        null, null)
                .network().save(onnx);
        DistilledNetwork fromFile = SmallNetworks.small(new DistilledNetwork());
        fromFile.setTeacherModel(onnx.toFile());
        fromFile.buildClassifier(train);
        double fromOnnx = accuracy(fromFile, train, test);
        assertTrue(fromOnnx > 0.6, "distilled from an ONNX network: accuracy " + fromOnnx);
        assertTrue(Files.size(onnx) > 0);
    }
}
