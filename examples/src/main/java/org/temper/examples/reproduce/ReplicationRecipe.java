package org.temper.examples.reproduce;

import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.zoo.Initializer;

/**
 * The replication's fully connected recipe (Wagner et al. 2023, read from its code; science.md), which
 * every experiment varies: ReLU MLP, every weight and bias N(0, 0.03), no dropout, SGD momentum 0.9
 * with dampening 0.9, learning rate 1 with layer rates 1 / ... / 1 / 0.1 decayed linearly to 0 per
 * epoch, batch 512, random shifts of up to 2 pixels, raw [0, 1] pixels. The objective is the caller's.
 */
final class ReplicationRecipe {

    /** The replication's hidden layers for teachers and smoothed nets. */
    static final int[] HIDDEN = {1200, 1200};

    /** The hidden layers of the distillation's students (Hinton et al.'s small net). */
    static final int[] STUDENT_HIDDEN = {800, 800};

    private ReplicationRecipe() {
    }

    /**
     * @param hidden the hidden layers' widths
     * @param epochs epochs
     * @param device the device
     * @param seed the seed
     * @return the replication's recipe, its objective still to be chosen
     */
    static Recipe.Builder mlp(int[] hidden, int epochs, String device, long seed) {
        double[] rates = new double[hidden.length + 1];
        java.util.Arrays.fill(rates, 1);
        rates[hidden.length] = 0.1;
        return Recipe.builder().hidden(hidden).dropout(0).initializer(Initializer.NORMAL_003)
                .optimizer(Recipe.OptimizerKind.SGD).learningRate(1).layerRates(rates).momentum(0.9)
                .dampening(0.9).schedule(Recipe.Schedule.LINEAR).epochs(epochs).batchSize(512).augmentShift(2)
                .preprocessing(Recipe.Preprocessing.NONE).device(device).seed(seed);
    }

    /**
     * The cost of a fully connected net relative to others: its weights and biases, which its
     * matrix products (the bulk of an epoch's time) touch once per example.
     * @param inputs values per example
     * @param hidden the hidden layers' widths
     * @param classes K
     * @return sum over layers of (fan-in + 1) * fan-out
     */
    static long parameters(int inputs, int[] hidden, int classes) {
        long sum = 0;
        int in = inputs;
        for (int layer = 0; layer <= hidden.length; layer++) {
            int out = layer < hidden.length ? hidden[layer] : classes;
            sum += (long) (in + 1) * out;
            in = out;
        }
        return sum;
    }
}
