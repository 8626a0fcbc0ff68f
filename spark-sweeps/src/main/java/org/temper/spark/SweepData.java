package org.temper.spark;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;

/**
 * The data every trial of a sweep trains and is measured on: a folder of MNIST-style IDX files (or
 * {@code fashion-mnist}) at a path that every node running trials can read, optionally cut to its first
 * examples. Only the path travels to the executors; each reads the files itself, so a data set never
 * passes through the driver.
 *
 * @param folder {@code fashion-mnist} or the path of a folder of IDX files, the same on every node
 * @param trainLimit the first this many training examples, or 0 for all
 * @param testLimit the first this many test examples, or 0 for all
 */
public record SweepData(String folder, int trainLimit, int testLimit) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the limits.
     * @param folder the data's path
     * @param trainLimit 0 or a positive count
     * @param testLimit 0 or a positive count
     */
    public SweepData {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("--data: give 'fashion-mnist' or a folder of IDX files");
        }
        if (trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("--limit and --test-limit must be positive (or 0 for all), got "
                    + trainLimit + " and " + testLimit);
        }
    }

    /**
     * @param folder {@code fashion-mnist} or a folder of IDX files
     * @return all of that data
     */
    public static SweepData of(String folder) {
        return new SweepData(folder, 0, 0);
    }

    /** The training and test sets as read on one node. */
    record Sets(DenseDataset train, DenseDataset test) {
    }

    /**
     * @return the training and test sets, read on this node
     * @throws IOException naming the folder and this host when the files cannot be read here
     */
    Sets read() throws IOException {
        try {
            IdxDirectory dir = IdxDirectory.named(folder);
            DenseDataset train = dir.train();
            DenseDataset test = dir.test(train.classNames());
            return new Sets(trainLimit > 0 ? train.head(Math.min(trainLimit, train.size())) : train,
                    testLimit > 0 ? test.head(Math.min(testLimit, test.size())) : test);
        } catch (IOException e) {
            throw new IOException("host " + InetAddress.getLocalHost().getHostName() + " cannot read --data " + folder
                    + ": " + e.getMessage() + " (the data must be at the same path on every node: shared storage,"
                    + " or copied there)", e);
        }
    }
}
