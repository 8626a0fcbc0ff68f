package org.temper.examples.reproduce;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The data sets the papers publish numbers for, recognised from --data: "fashion-mnist", or a folder
 * whose name says fashion, emnist or mnist.
 */
enum KnownData {
    /** Zalando's Fashion-MNIST. */
    FASHION_MNIST("Fashion-MNIST"),
    /** LeCun's MNIST digits. */
    MNIST("MNIST"),
    /** EMNIST balanced (47 classes). */
    EMNIST_BALANCED("EMNIST balanced");

    private final String title;

    KnownData(String title) {
        this.title = title;
    }

    /** @return the data set's name as the papers write it */
    String title() {
        return title;
    }

    /**
     * @param data "fashion-mnist" or a folder of IDX files
     * @return the data set its name says (fashion before emnist before mnist), or empty
     */
    static Optional<KnownData> of(String data) {
        Path name = Path.of(data).getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.contains("fashion")) {
            return Optional.of(FASHION_MNIST);
        }
        if (n.contains("emnist")) {
            return Optional.of(EMNIST_BALANCED);
        }
        return n.contains("mnist") ? Optional.of(MNIST) : Optional.empty();
    }

    /**
     * @param data "fashion-mnist" or a folder of IDX files
     * @return the name of the data set it is, as the papers write it, or the data as given
     */
    static String titleOf(String data) {
        return of(data).map(KnownData::title).orElse(data);
    }
}
