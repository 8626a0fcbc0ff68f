package org.temper.onnx.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * A folder holding the four IDX files of an MNIST-style data set under their usual names
 * (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
 * t10k-labels-idx1-ubyte, each optionally ending in .gz).
 * @param folder the folder
 * @param classNames class names, or null for numbered classes
 */
public record IdxDirectory(Path folder, List<String> classNames) {

    /** Where Debian's dataset-fashion-mnist package puts Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Paths.get("/usr/share/datasets/fashion-mnist");

    /** The ten Fashion-MNIST class names, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * @param data {@code fashion-mnist} (any case) or the path of a folder of IDX files
     * @return that data set
     * @throws IOException naming the folder when it does not exist, or the package when Fashion-MNIST is missing
     */
    public static IdxDirectory named(String data) throws IOException {
        if (data.equalsIgnoreCase("fashion-mnist")) {
            return fashionMnist();
        }
        Path p = Path.of(data);
        if (!Files.isDirectory(p)) {
            throw new IOException("--data " + data + ": no such folder; give 'fashion-mnist' or a folder of IDX files");
        }
        return new IdxDirectory(p, null);
    }

    /**
     * @return Fashion-MNIST from Debian's package
     * @throws IOException naming the package to install when the files are missing
     */
    public static IdxDirectory fashionMnist() throws IOException {
        IdxDirectory d = new IdxDirectory(DEBIAN_FASHION_MNIST, FASHION_MNIST_CLASSES);
        if (!Files.isDirectory(DEBIAN_FASHION_MNIST)) {
            throw new IOException("Fashion-MNIST is not installed at " + DEBIAN_FASHION_MNIST
                    + ": run 'sudo apt-get install dataset-fashion-mnist', or give a folder of IDX files");
        }
        return d;
    }

    /**
     * @return the training set; without class names its classes are the label values present in it
     *         (named by their values, so "0", "1", "3" when no example has label 2)
     * @throws IOException when the files are missing or not IDX files, or a label has no class name
     */
    public DenseDataset train() throws IOException {
        DenseDataset d = IdxReader.read(find("train-images-idx3-ubyte"), find("train-labels-idx1-ubyte"), classNames);
        return classNames == null ? d.withPresentClasses() : d;
    }

    /**
     * @return the test set in the training set's classes (see {@link #train()})
     * @throws IOException when the files are missing or not IDX files
     * @throws IllegalArgumentException naming every test label that is not a class of the training set, with its count
     */
    public DenseDataset test() throws IOException {
        if (classNames != null) {
            return test(classNames);
        }
        long[] train = IdxReader.labels(find("train-labels-idx1-ubyte"));
        return test(Arrays.stream(train).distinct().sorted().mapToObj(Long::toString).toList());
    }

    /**
     * @param classes the classes of the training set (or of a model), to which the test labels are matched by name
     * @return the test set with those classes
     * @throws IOException when the files are missing or not IDX files
     * @throws IllegalArgumentException naming every test label that is not one of the classes, with its count
     */
    public DenseDataset test(List<String> classes) throws IOException {
        return IdxReader.read(find("t10k-images-idx3-ubyte"), find("t10k-labels-idx1-ubyte"), classNames)
                .withClasses(classes, "The test split of " + folder);
    }

    private Path find(String base) throws IOException {
        for (String name : new String[] {base, base + ".gz", base.replace("-idx", ".idx"), base.replace("-idx", ".idx") + ".gz"}) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("No " + base + "[.gz] in " + folder + ": an IDX data folder needs train-images-idx3-ubyte,"
                + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (optionally .gz)");
    }
}
