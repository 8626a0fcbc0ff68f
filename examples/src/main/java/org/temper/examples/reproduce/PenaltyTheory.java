package org.temper.examples.reproduce;

import java.util.function.DoublePredicate;

/**
 * What the objectives of the penalty experiment ask of one training example with K classes, when the
 * network could give it any distribution: the entropy of label smoothing's target (the hinge threshold
 * the experiment uses) and the confidence at which the confidence penalty's loss is smallest.
 */
final class PenaltyTheory {

    private PenaltyTheory() {
    }

    /**
     * The entropy of label smoothing's target q = (1 - a) y + a / K:
     * H = -(1 - a + a/K) ln(1 - a + a/K) - (K - 1)(a/K) ln(a/K), with 0 ln 0 = 0.
     * @param alpha a in [0, 1]
     * @param classes K &gt;= 2
     * @return H in nats
     */
    static double smoothedTargetEntropy(double alpha, int classes) {
        double wrong = alpha / classes;
        return -xLogX(1 - alpha + wrong) - (classes - 1) * xLogX(wrong);
    }

    /**
     * The probability q of the true class that minimises the confidence penalty's loss of one example,
     * L(p) = -ln p_y - b H(p). At its minimum the wrong classes share 1 - q equally (their stationarity
     * conditions are identical), and dL/dq = -1/q - b ln((1 - q) / ((K - 1) q)) = 0, i.e.
     * 1/q = b ln((K - 1) q / (1 - q)): the left side falls from K to 1 and the right rises from 0 to
     * infinity as q goes from 1/K to 1, so there is exactly one root, found by bisection.
     * @param b the penalty's weight, &gt;= 0
     * @param classes K &gt;= 2
     * @return q in (1/K, 1]; 1 for b = 0 (hard targets: the loss falls all the way to q = 1)
     */
    static double optimumConfidence(double b, int classes) {
        if (b == 0) {
            return 1;
        }
        return bisect(classes, q -> b * Math.log((classes - 1) * q / (1 - q)) > 1 / q);
    }

    /**
     * The probability q of the true class at which the hinge form of the penalty,
     * L(p) = -ln p_y + b max(0, G - H(p)), is smallest. Where H &lt; G the loss is the plain penalty's
     * (up to a constant), so its minimum there is {@link #optimumConfidence}'s q*; where H &gt;= G it is
     * -ln q alone, falling as q grows. The entropy of (q, the rest equal) falls as q rises from 1/K, so
     * the minimum is the larger of q* and the q whose entropy is G.
     * @param b the penalty's weight, &gt;= 0
     * @param threshold G in nats, in [0, ln K]
     * @param classes K &gt;= 2
     * @return q in [1/K, 1]
     */
    static double hingeOptimumConfidence(double b, double threshold, int classes) {
        return Math.max(optimumConfidence(b, classes), confidenceOfEntropy(threshold, classes));
    }

    /**
     * @param entropy H in [0, ln K]
     * @param classes K &gt;= 2
     * @return the q in [1/K, 1] whose distribution (q, (1 - q)/(K - 1), ...) has entropy H, by bisection
     */
    static double confidenceOfEntropy(double entropy, int classes) {
        return bisect(classes, q -> -xLogX(q) - (classes - 1) * xLogX((1 - q) / (classes - 1)) < entropy);
    }

    /**
     * @param classes K
     * @param past true for every q in [1/K, 1] beyond the one sought, false before it
     * @return that q, to about 1e-15
     */
    private static double bisect(int classes, DoublePredicate past) {
        double lo = 1.0 / classes;
        double hi = 1;
        while (hi - lo > 1e-15) {
            double q = (lo + hi) / 2;
            if (past.test(q)) {
                hi = q;
            } else {
                lo = q;
            }
        }
        return (lo + hi) / 2;
    }

    private static double xLogX(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }
}
