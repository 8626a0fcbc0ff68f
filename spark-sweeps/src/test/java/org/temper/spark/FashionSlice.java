package org.temper.spark;

import org.temper.onnx.data.IdxDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The first examples of Debian's Fashion-MNIST written as a small IDX folder, so that trials read little. */
final class FashionSlice {

    private FashionSlice() {
    }

    /**
     * @param folder where to write the four files
     * @param train training examples
     * @param test test examples
     * @return the folder
     * @throws IOException when Fashion-MNIST is missing or the files cannot be written
     */
    static Path write(Path folder, int train, int test) throws IOException {
        Path from = IdxDirectory.fashionMnist().folder();
        Files.createDirectories(folder);
        copy(from, folder, "train-images-idx3-ubyte", 16, 28 * 28, train);
        copy(from, folder, "train-labels-idx1-ubyte", 8, 1, train);
        copy(from, folder, "t10k-images-idx3-ubyte", 16, 28 * 28, test);
        copy(from, folder, "t10k-labels-idx1-ubyte", 8, 1, test);
        return folder;
    }

    private static void copy(Path from, Path to, String name, int header, int record, int count) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(from.resolve(name + ".gz")))) {
            ByteBuffer b = ByteBuffer.allocate(header + count * record);
            b.put(in.readNBytes(header + count * record));
            b.putInt(4, count);
            Files.write(to.resolve(name), b.array());
        }
    }
}
