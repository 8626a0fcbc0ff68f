package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The --data option shared by the commands that read an image data set. */
final class DataOptions {

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "'fashion-mnist' (Debian's dataset-fashion-mnist) or a folder of MNIST-style IDX files"
                    + " (train-images-idx3-ubyte[.gz], ...). Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training examples (quick runs).")
    Integer limit;

    IdxDirectory folder() throws IOException {
        if (data.equalsIgnoreCase("fashion-mnist")) {
            return IdxDirectory.fashionMnist();
        }
        Path p = Path.of(data);
        if (!Files.isDirectory(p)) {
            throw new IOException("--data " + data + ": no such folder; give 'fashion-mnist' or a folder of IDX files");
        }
        return new IdxDirectory(p, null);
    }

    DenseDataset train() throws IOException {
        DenseDataset d = folder().train();
        if (limit != null) {
            if (limit <= 0) {
                throw new IllegalArgumentException("--limit must be positive, got " + limit);
            }
            d = d.head(limit);
        }
        return d;
    }

    DenseDataset test() throws IOException {
        return folder().test();
    }
}
