package org.temper.tribuo;

import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** Checks a training data set before any conversion or training, naming the problem and the fix. */
final class TrainingData {

    private TrainingData() {
    }

    /**
     * @param dataset the data handed to a trainer
     * @throws IllegalArgumentException for outputs that are not single labels, an empty data set, unlabelled
     *         examples, fewer than two classes or no features
     */
    static void check(Dataset<Label> dataset) {
        // seen through a wildcard: a raw-typed data set of other outputs must not fail on a cast here
        Dataset<?> any = dataset;
        if (!(any.getOutputFactory() instanceof LabelFactory)) {
            Object output = any.getOutputFactory().getUnknownOutput();
            throw new IllegalArgumentException("Temper's trainers learn single-label classifiers, but this data set"
                    + " holds " + output.getClass().getSimpleName()
                    + " outputs: load it with a LabelFactory, or use a Tribuo trainer for that kind of output");
        }
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("The training data set is empty: give it at least one example of"
                    + " each of two or more classes");
        }
        if (dataset.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The training data holds " + dataset.getOutputInfo().getUnknownCount()
                    + " unlabelled examples: remove them or give them labels");
        }
        if (dataset.getOutputIDInfo().size() < 2) {
            throw new IllegalArgumentException("The training data has only one class ("
                    + dataset.getOutputInfo().toReadableString() + "): a classifier needs examples of at least two");
        }
        if (dataset.getFeatureIDMap().size() == 0) {
            throw new IllegalArgumentException("The training data has no features: check the data source's"
                    + " feature extraction");
        }
    }
}
