package weka.classifiers.functions;

/** Temper classifiers configured small and fast for tests. */
public final class SmallNetworks {

    private SmallNetworks() {
    }

    /**
     * @param network a classifier
     * @param <T> its type
     * @return the same classifier with one hidden layer of 16, 5 epochs of batch 32 and one thread
     */
    public static <T extends AbstractTemperNetwork> T small(T network) {
        network.setHiddenLayers("16");
        network.setEpochs(5);
        network.setMiniBatchSize(32);
        network.setThreads(1);
        return network;
    }

    /**
     * @return the three classifiers, small, the distilled one with a small network teacher and a learning
     *         rate of 0.02: the T^2-scaled soft term's gradient is up to T = 4 times the cross-entropy's, and
     *         at 0.05 this small student on standardised pixels diverges
     */
    public static AbstractTemperNetwork[] all() {
        DistilledNetwork distilled = small(new DistilledNetwork());
        distilled.setLearningRate(0.02);
        distilled.setTeacher(small(new LabelSmoothedNetwork()));
        return new AbstractTemperNetwork[] {small(new LabelSmoothedNetwork()), small(new ConfidencePenaltyNetwork()),
            distilled};
    }
}
