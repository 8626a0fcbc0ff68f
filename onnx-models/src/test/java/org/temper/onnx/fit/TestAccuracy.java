package org.temper.onnx.fit;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;

import java.util.List;

/** Test accuracy of trained networks, for the tests that hold training to an accuracy. */
public final class TestAccuracy {

    private TestAccuracy() {
    }

    /**
     * Trains an MLP (label smoothing 0.1, SGD momentum 0.9 at a constant rate, batch 128, seed 1) and
     * measures it, both on one device.
     * @param train the training data
     * @param test the test data
     * @param hidden the hidden layer widths
     * @param epochs the epochs to train
     * @param rate the learning rate
     * @param settings the device training and prediction run on
     * @return the fraction of the test examples classified right
     * @throws Exception when training or prediction fails
     */
    public static double ofMlp(DenseDataset train, DenseDataset test, int[] hidden, int epochs, double rate,
                               ExecutionSettings settings) throws Exception {
        TrainingConfig config = new TrainingConfig(LabelSmoothing.uniform(0.1), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(rate), null, epochs, 128, 0, 0, null, settings, 1L, 0);
        Mlp net = Mlp.create(train.exampleShape(), hidden, test.numClasses(), 0, Initializer.HE_NORMAL, null, 1);
        try (ModelSession session = new Fitter(config, List.of()).fit(net, train, null, null).network()
                .session(settings)) {
            return of(session.logits(test.features(), test.size()), test);
        }
    }

    /**
     * @param logits the data's logits, row-major
     * @param data the examples and their labels
     * @return the fraction of examples whose largest logit is their label
     */
    public static double of(float[] logits, DenseDataset data) {
        int k = data.numClasses();
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            int arg = 0;
            for (int c = 1; c < k; c++) {
                arg = logits[i * k + c] > logits[i * k + arg] ? c : arg;
            }
            correct += arg == data.label(i) ? 1 : 0;
        }
        return (double) correct / data.size();
    }
}
