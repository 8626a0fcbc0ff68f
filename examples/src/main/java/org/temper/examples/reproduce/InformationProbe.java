package org.temper.examples.reproduce;

import ai.onnxruntime.OrtException;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.RandomShift;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.TrainingListener;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.runtime.ExecutionSettings;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures, after every epoch of a training, the {@link MutualInformation} between N fixed training
 * examples of two classes and the difference of those classes' logits: each pass shows every example
 * with a random shift (the training's augmentation), the same shifts after every epoch (pass p draws
 * from a source seeded with p), so that the curve follows the network, not the noise.
 */
final class InformationProbe implements TrainingListener {

    /**
     * The estimate after one epoch.
     * @param epoch the epoch, from 1
     * @param estimate the mutual information and its parts
     */
    public record Epoch(int epoch, MutualInformation estimate) {
    }

    private final DenseDataset examples;
    private final int first;
    private final int second;
    private final int passes;
    private final RandomShift shift;
    private final ExecutionSettings settings;
    private final List<Epoch> epochs = new ArrayList<>();

    /**
     * @param examples the N examples
     * @param first the class whose logit is the minuend
     * @param second the class whose logit is subtracted
     * @param passes augmented passes per example, at least 2
     * @param maxShift the largest shift in pixels
     * @param settings where the network runs
     */
    InformationProbe(DenseDataset examples, int first, int second, int passes, int maxShift,
                     ExecutionSettings settings) {
        this.examples = examples;
        this.first = first;
        this.second = second;
        this.passes = passes;
        this.shift = new RandomShift(maxShift);
        this.settings = settings;
    }

    @Override
    public boolean wantsNetwork() {
        return true;
    }

    @Override
    public void onNetwork(EpochReport report, TrainedNetwork network) {
        int n = examples.size();
        double[][] y = new double[n][passes];
        FloatBuffer shifted = DenseDataset.allocateDirect((long) n * examples.exampleSize());
        try (ModelSession session = network.session(settings)) {
            int k = session.numClasses();
            for (int p = 0; p < passes; p++) {
                shift.apply(examples, shifted, new Random(p));
                float[] z = session.logits(shifted, n);
                for (int x = 0; x < n; x++) {
                    y[x][p] = z[x * k + first] - z[x * k + second];
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the network of epoch " + report.epoch() + ": "
                    + e.getMessage(), e);
        }
        epochs.add(new Epoch(report.epoch(), MutualInformation.of(y)));
    }

    /** @return the estimate after every epoch so far */
    List<Epoch> epochs() {
        return List.copyOf(epochs);
    }
}
