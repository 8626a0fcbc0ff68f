package org.temper.tribuo;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** The package's test data and settings, for tests in sub-packages. */
public final class Fixtures {

    private Fixtures() {
    }

    /** @return {@link FashionMnist#train()} */
    public static MutableDataset<Label> train() {
        return FashionMnist.train();
    }

    /** @return {@link FashionMnist#test()} */
    public static MutableDataset<Label> test() {
        return FashionMnist.test();
    }

    /**
     * @param from first example
     * @param count examples
     * @return {@link FashionMnist#slice}
     */
    public static MutableDataset<Label> slice(int from, int count) {
        return FashionMnist.slice(from, count);
    }

    /** @return {@link Settings#small()} */
    public static NetworkSettings smallSettings() {
        return Settings.small();
    }
}
