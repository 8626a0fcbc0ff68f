package org.temper.examples.reproduce;

import org.temper.onnx.fit.EpochReport;

import java.util.List;

/**
 * One finished configuration of the projection experiment: a network trained with one alpha and one
 * seed, its test figures, and the penultimate activations of three classes' training and test
 * images projected onto the plane of those classes' templates. Stored as JSON so that a rerun reads
 * it back and redraws the figure.
 *
 * @param alpha label smoothing's strength (0 = hard targets)
 * @param seed the recipe's seed
 * @param seconds wall-clock seconds of training and measuring
 * @param test the test figures on all ten classes
 * @param history one report per epoch
 * @param templates the (u, v) coordinates of the three templates
 * @param trainPoints the training images of the three classes (without augmentation)
 * @param testPoints the test images of the three classes
 */
public record ProjectionTrial(double alpha, long seed, double seconds, Measurement test, List<EpochReport> history,
                              double[][] templates, ProjectedPart trainPoints, ProjectedPart testPoints)
        implements Measured {

    /** Copies the history. */
    public ProjectionTrial {
        history = List.copyOf(history);
    }
}
