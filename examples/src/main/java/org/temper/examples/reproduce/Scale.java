package org.temper.examples.reproduce;

/**
 * How much of the data and how many epochs an experiment uses.
 *
 * @param trainExamples training images (taken from the start of the training file)
 * @param heldOut further training images held out for fitting temperatures, never trained on; 0 holds
 *        none out, and temperatures are then fitted on the test set (as the replication's code does)
 * @param testExamples test images measured (0 = the whole test file)
 * @param epochs epochs per trial
 */
public record Scale(int trainExamples, int heldOut, int testExamples, int epochs) {

    /** About a minute on 2 idle CPU cores: 20,000 training images, 10 epochs (ECE already rises with alpha). */
    public static final Scale QUICK = new Scale(20_000, 5_000, 0, 10);
    /** The replication's 100 epochs; 55,000 training images, as 5,000 are held out for temperature scaling. */
    public static final Scale FULL = new Scale(55_000, 5_000, 0, 100);

    /**
     * @throws IllegalArgumentException when the training examples or epochs are not positive, or another
     *         count is negative
     */
    public Scale {
        if (trainExamples <= 0 || heldOut < 0 || testExamples < 0 || epochs <= 0) {
            throw new IllegalArgumentException("training examples and epochs must be positive and the held-out and"
                    + " test counts at least 0, got " + trainExamples + ", " + heldOut + ", " + testExamples + ", "
                    + epochs);
        }
    }

    /** @return true for the papers' 100 epochs */
    boolean full() {
        return epochs >= FULL.epochs();
    }
}
