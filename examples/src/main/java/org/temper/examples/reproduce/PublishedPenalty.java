package org.temper.examples.reproduce;

import java.util.List;

/**
 * Published MNIST accuracies of the confidence penalty beside its baselines (science.md), on networks
 * other than the replication's: context for the penalty experiment, comparable to ours only in
 * direction (the gain over each source's own baseline), and in value only roughly and only on MNIST.
 *
 * @param source who published it
 * @param network their network and training
 * @param objective their objective
 * @param accuracy their test accuracy (fraction)
 * @param baseline their baseline's test accuracy (the first row of the same source)
 * @param ours the key of our configuration set beside it ({@link PenaltyConfiguration#key()}), or
 *        {@link #BEST_PENALTY} for the constant penalty with the best test accuracy over b
 */
public record PublishedPenalty(String source, String network, String objective, double accuracy, double baseline,
                               String ours) {

    /** {@link #ours} of a row compared with our best constant penalty over the weights. */
    static final String BEST_PENALTY = "best-penalty";

    private static final String PEREYRA = "Pereyra et al. 2017";
    private static final String PEREYRA_NET = "MNIST, MLP 2x1024 with dropout";
    private static final String PROJECT = "a class project";
    private static final String PROJECT_NET = "MNIST, MLP 1x1200, SGD lr 0.05";

    /** The published rows: Pereyra et al.'s test errors 1.28, 1.23, 1.17 % as accuracies, and the class project's. */
    static final List<PublishedPenalty> ROWS = List.of(
            new PublishedPenalty(PEREYRA, PEREYRA_NET, "dropout alone", .9872, .9872, "hard"),
            new PublishedPenalty(PEREYRA, PEREYRA_NET, "label smoothing (alpha tuned)", .9877, .9872,
                    "smoothing-" + PenaltyExperiment.SMOOTHING_ALPHA),
            new PublishedPenalty(PEREYRA, PEREYRA_NET, "confidence penalty (b tuned)", .9883, .9872, BEST_PENALTY),
            new PublishedPenalty(PROJECT, PROJECT_NET, "plain", .9834, .9834, "hard"),
            new PublishedPenalty(PROJECT, PROJECT_NET, "label smoothing 0.05", .9863, .9834,
                    "smoothing-" + PenaltyExperiment.SMOOTHING_ALPHA),
            new PublishedPenalty(PROJECT, PROJECT_NET, "confidence penalty b = 0.5", .9873, .9834, "penalty-0.5"));

    /** @return the published gain over the source's baseline, in accuracy points */
    double gain() {
        return 100 * (accuracy - baseline);
    }
}
