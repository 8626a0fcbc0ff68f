package org.temper.examples.reproduce;

import java.util.List;

/**
 * One configuration's results over its seeds, beside the published numbers.
 *
 * @param alpha label smoothing's strength
 * @param seeds how many seeds were averaged
 * @param accuracy test accuracy
 * @param ece test ECE
 * @param nll test NLL
 * @param meanConfidence mean largest test probability
 * @param temperatureNll T fitted by NLL on the held-out images
 * @param eceAfterNll test ECE after it
 * @param temperatureEce T fitted by ECE on a grid on the held-out images
 * @param eceAfterEce test ECE after it
 * @param publishedAccuracy the replication's accuracy, null when none is published
 * @param publishedEce the replication's ECE, null when none is published
 */
public record AlphaSummary(double alpha, int seeds, Stat accuracy, Stat ece, Stat nll, Stat meanConfidence,
                           Stat temperatureNll, Stat eceAfterNll, Stat temperatureEce, Stat eceAfterEce,
                           Double publishedAccuracy, Double publishedEce) {

    /**
     * @param alpha the configuration
     * @param trials its trials, one per seed
     * @param published the published numbers, or null
     * @return the summary
     */
    static AlphaSummary of(double alpha, List<SmoothingTrial> trials, PublishedSmoothing published) {
        int at = PublishedSmoothing.ALPHAS.indexOf(alpha);
        boolean known = published != null && at >= 0;
        return new AlphaSummary(alpha, trials.size(), Stat.of(trials, t -> t.test().accuracy()),
                Stat.of(trials, t -> t.test().ece()), Stat.of(trials, t -> t.test().nll()),
                Stat.of(trials, t -> t.test().meanConfidence()),
                Stat.of(trials, SmoothingTrial::temperatureNll), Stat.of(trials, SmoothingTrial::eceAfterNll),
                Stat.of(trials, SmoothingTrial::temperatureEce), Stat.of(trials, SmoothingTrial::eceAfterEce),
                known ? published.accuracy().get(at) : null, known ? published.ece().get(at) : null);
    }
}
