package org.temper.examples.reproduce;

import java.util.List;
import java.util.Optional;

/**
 * The replication's label smoothing numbers (Wagner et al. 2023, science.md) for its fully connected
 * net, per data set: test accuracy and ECE for alpha = 0, 0.05, 0.1, 0.15, 0.3, and the temperature
 * and ECE after temperature scaling of the hard-target net.
 *
 * @param dataset the data set's name
 * @param accuracy test accuracy (fraction) per alpha of {@link #ALPHAS}
 * @param ece test ECE per alpha
 * @param temperature T of the hard-target net
 * @param eceAfter its ECE after scaling by T
 */
public record PublishedSmoothing(String dataset, List<Double> accuracy, List<Double> ece, double temperature,
                                 double eceAfter) {

    /** The smoothing strengths of the replication's table. */
    public static final List<Double> ALPHAS = List.of(0.0, 0.05, 0.1, 0.15, 0.3);

    private static final PublishedSmoothing FASHION = new PublishedSmoothing("Fashion-MNIST",
            List.of(.9101, .9066, .9045, .9059, .9037), List.of(.0097, .0423, .0846, .1282, .2516), 1.1, .0075);
    private static final PublishedSmoothing MNIST = new PublishedSmoothing("MNIST",
            List.of(.9906, .9933, .9931, .9924, .9913), List.of(.0020, .0557, .1020, .1467, .2809), 1.06, .0013);
    private static final PublishedSmoothing EMNIST = new PublishedSmoothing("EMNIST balanced",
            List.of(.8879, .8911, .8935, .8919, .8888), List.of(.0167, .0559, .1082, .1540, .2878), 1.14, .0083);

    /** Copies the lists. */
    public PublishedSmoothing {
        accuracy = List.copyOf(accuracy);
        ece = List.copyOf(ece);
    }

    /**
     * @param data "fashion-mnist" or a folder of IDX files
     * @return the published numbers of the data set the name says (fashion, emnist or mnist in the
     *         folder's name), or empty: no published numbers
     */
    public static Optional<PublishedSmoothing> forData(String data) {
        return KnownData.of(data).map(d -> switch (d) {
            case FASHION_MNIST -> FASHION;
            case MNIST -> MNIST;
            case EMNIST_BALANCED -> EMNIST;
        });
    }
}
