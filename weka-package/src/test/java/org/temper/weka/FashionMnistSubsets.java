package org.temper.weka;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small Fashion-MNIST subsets as ARFF files and Weka instances, written once per test JVM. */
public final class FashionMnistSubsets {

    /** Training instances in the subsets. */
    public static final int TRAIN = 600;
    /** Test instances in the subsets. */
    public static final int TEST = 300;

    private static Path folder;

    private FashionMnistSubsets() {
    }

    /** @return a folder holding fashion-mnist-train.arff and fashion-mnist-test.arff */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                IdxDirectory idx = IdxDirectory.fashionMnist();
                Path dir = Files.createTempDirectory("temper-fashion-arff");
                FashionMnistArff.write(idx.train().head(TRAIN), "fashion-mnist-train",
                        dir.resolve("fashion-mnist-train.arff"));
                FashionMnistArff.write(idx.test().head(TEST), "fashion-mnist-test",
                        dir.resolve("fashion-mnist-test.arff"));
                folder = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** @return the training subset with its class set */
    public static Instances train() throws Exception {
        return read(folder().resolve("fashion-mnist-train.arff"));
    }

    /** @return the test subset with its class set */
    public static Instances test() throws Exception {
        return read(folder().resolve("fashion-mnist-test.arff"));
    }

    /** @return the training subset as the engine reads it */
    public static DenseDataset trainDense() throws IOException {
        return IdxDirectory.fashionMnist().train().head(TRAIN);
    }

    private static Instances read(Path file) throws Exception {
        Instances data = DataSource.read(file.toString());
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }
}
