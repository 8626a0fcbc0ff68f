package org.temper.tribuo;

/** Network settings small enough for unit tests. */
final class Settings {

    private Settings() {
    }

    /** @return one hidden layer of 32, SGD at 0.05 with momentum, 4 epochs of batch 64, two threads */
    static NetworkSettings small() {
        return new NetworkSettings().hiddenSizes(32).epochs(4, 64).device("cpu", 2);
    }
}
