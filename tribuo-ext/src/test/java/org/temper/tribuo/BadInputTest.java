package org.temper.tribuo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.temper.onnx.objective.Distillation;
import org.temper.onnx.objective.LabelSmoothing;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad data and settings fail with a message naming the problem and the fix, before any training. */
class BadInputTest {

    private final LabelSmoothingTrainer trainer = new LabelSmoothingTrainer(0.1, LabelSmoothing.Variant.UNIFORM,
            Settings.small(), 1);

    @Test
    void regressionDataIsRefused() {
        MutableDataset<Regressor> data = dataset(new RegressionFactory());
        data.add(new ArrayExample<>(new Regressor("y", 1.5), new String[] {"a"}, new double[] {1}));
        assertFailsBeforeTraining(() -> trainer.train(asLabels(data)), "Regressor outputs", "LabelFactory");
    }

    @Test
    void multiLabelDataIsRefused() {
        MutableDataset<MultiLabel> data = dataset(new MultiLabelFactory());
        data.add(new ArrayExample<>(new MultiLabel("x"), new String[] {"a"}, new double[] {1}));
        assertFailsBeforeTraining(() -> trainer.train(asLabels(data)), "MultiLabel outputs", "LabelFactory");
    }

    @Test
    void emptyDataIsRefused() {
        assertFailsBeforeTraining(() -> trainer.train(dataset(new LabelFactory())), "is empty", "at least one example");
    }

    @Test
    void nonFiniteFeaturesAreNamedInTrainingAndPrediction() {
        MutableDataset<Label> data = dataset(new LabelFactory());
        for (int i = 0; i < 20; i++) {
            data.add(new ArrayExample<>(new Label(i % 2 == 0 ? "x" : "y"), new String[] {"width", "height"},
                    new double[] {i, i % 2}));
        }
        MutableDataset<Label> broken = dataset(new LabelFactory());
        data.forEach(broken::add);
        broken.add(new ArrayExample<>(new Label("y"), new String[] {"width", "height"},
                new double[] {1, Double.POSITIVE_INFINITY}));
        assertFailsBeforeTraining(() -> trainer.train(broken), "Feature 'height' of example 20 is Infinity");
        NetworkModel model = trainer.train(data);
        ArrayExample<Label> nan = new ArrayExample<>(new Label("x"), new String[] {"width", "height"},
                new double[] {Double.NaN, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(nan));
        assertTrue(e.getMessage().contains("Feature 'width' of example 0 is NaN"), e.getMessage());
    }

    @Test
    void oneClassIsRefused() {
        MutableDataset<Label> data = dataset(new LabelFactory());
        for (int i = 0; i < 5; i++) {
            data.add(new ArrayExample<>(new Label("only"), new String[] {"a"}, new double[] {i}));
        }
        assertFailsBeforeTraining(() -> trainer.train(data), "only one class", "at least two");
    }

    @Test
    void teacherOfOtherClassesIsRefused() {
        NetworkModel teacher = trainer.train(FashionMnist.slice(0, 300));
        MutableDataset<Label> data = dataset(new LabelFactory());
        data.add(new ArrayExample<>(new Label("cat"), new String[] {"a"}, new double[] {1}));
        data.add(new ArrayExample<>(new Label("dog"), new String[] {"a"}, new double[] {2}));
        DistillationTrainer student = new DistillationTrainer(teacher, Distillation.SoftTerm.SOFT_CROSS_ENTROPY, 2, 0.5,
                Settings.small(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> student.train(data));
        assertTrue(e.getMessage().contains("[cat, dog]") && e.getMessage().contains("same classes"), e.getMessage());
        assertEquals(0, student.getInvocationCount());
    }

    @Test
    void inconsistentSettingsAreRefusedWhenTheTrainerIsMade() {
        IllegalArgumentException patience = assertThrows(IllegalArgumentException.class,
                () -> new ConfidencePenaltyTrainer(0.5, Settings.small().validation(0, 3), 1));
        assertTrue(patience.getMessage().contains("validationFraction"), patience.getMessage());
        IllegalArgumentException alpha = assertThrows(IllegalArgumentException.class,
                () -> new LabelSmoothingTrainer(1.5, LabelSmoothing.Variant.UNIFORM, Settings.small(), 1));
        assertTrue(alpha.getMessage().contains("alpha"), alpha.getMessage());
        IllegalArgumentException device = assertThrows(IllegalArgumentException.class,
                () -> new ConfidencePenaltyTrainer(0.5, Settings.small().device("tpu", 0), 1));
        assertTrue(device.getMessage().contains("cuda:N"), device.getMessage());
    }

    private void assertFailsBeforeTraining(Executable training, String... phrases) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, training);
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), e.getMessage());
        }
        assertEquals(0, trainer.getInvocationCount());
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(OutputFactory<T> factory) {
        return new MutableDataset<>(new SimpleDataSourceProvenance("bad input", factory), factory);
    }

    @SuppressWarnings("unchecked") // the point: a Label trainer handed another output type through raw types
    private static Dataset<Label> asLabels(Dataset<?> data) {
        return (Dataset<Label>) data;
    }
}
