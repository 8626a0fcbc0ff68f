package org.temper.examples.reproduce;

/**
 * Mueller et al.'s estimate (2019, section 5; science.md) of the information a network's logits carry
 * about which of N training examples they came from, with data augmentation as the noise. y[x][p] is
 * the difference of two class logits for example x under augmentation p; mu_x is its mean over the P
 * passes and sigma^2 the mean over examples of the unbiased within-example variance
 * (sum_p (y[x][p] - mu_x)^2 / (P - 1)). With Y given X = x modelled as N(mu_x, sigma^2),
 * I(X; Y) = log N - (1/N) sum_x log sum_x' exp(-(mu_x - mu_x')^2 / (2 sigma^2)), in nats: 0 when every
 * example gives the same mean, log N when all are far apart compared with sigma.
 *
 * @param information the estimate of I(X; Y) in nats
 * @param noise sigma^2, the mean within-example variance
 * @param signal the variance of the means mu_x over the examples (population form)
 * @param examples N
 */
public record MutualInformation(double information, double noise, double signal, int examples) {

    /**
     * @param y y[x][p]: example x under augmentation p; every example with the same number P &ge; 2 of passes
     * @return the estimate
     * @throws IllegalArgumentException when there are no examples, fewer than 2 passes or rows of other
     *         lengths, or no variance within the examples (sigma^2 = 0 leaves the estimate undefined)
     */
    static MutualInformation of(double[][] y) {
        int n = y.length;
        if (n == 0 || y[0].length < 2) {
            throw new IllegalArgumentException("the estimate needs examples with at least 2 augmented passes each");
        }
        int passes = y[0].length;
        double[] mu = new double[n];
        double noise = 0;
        for (int x = 0; x < n; x++) {
            if (y[x].length != passes) {
                throw new IllegalArgumentException("example " + x + " has " + y[x].length + " passes, example 0 has "
                        + passes);
            }
            for (double value : y[x]) {
                mu[x] += value / passes;
            }
            double squares = 0;
            for (double value : y[x]) {
                squares += (value - mu[x]) * (value - mu[x]);
            }
            noise += squares / (passes - 1) / n;
        }
        if (!(noise > 0)) {
            throw new IllegalArgumentException("the logits do not vary under augmentation (sigma^2 = " + noise
                    + "): the estimate is undefined");
        }
        double grand = java.util.Arrays.stream(mu).average().orElseThrow();
        double signal = java.util.Arrays.stream(mu).map(m -> (m - grand) * (m - grand)).sum() / n;
        double sum = 0;
        for (int x = 0; x < n; x++) {
            double inner = 0;
            for (int other = 0; other < n; other++) {
                double d = mu[x] - mu[other];
                inner += Math.exp(-d * d / (2 * noise));
            }
            sum += Math.log(inner);
        }
        return new MutualInformation(Math.log(n) - sum / n, noise, signal, n);
    }
}
