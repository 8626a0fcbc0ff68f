package org.temper.onnx.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
     * @return the training set
     * @throws IOException when the files are missing or not IDX files
     */
    public DenseDataset train() throws IOException {
        return IdxReader.read(find("train-images-idx3-ubyte"), find("train-labels-idx1-ubyte"), classNames);
    }

    /**
     * @return the test set
     * @throws IOException when the files are missing or not IDX files
     */
    public DenseDataset test() throws IOException {
        return IdxReader.read(find("t10k-images-idx3-ubyte"), find("t10k-labels-idx1-ubyte"), classNames);
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
