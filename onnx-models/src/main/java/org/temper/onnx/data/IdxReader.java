package org.temper.onnx.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST, Fashion-MNIST and EMNIST, plain or gzip-compressed (detected from
 * the content, not the name). Pixels are scaled from 0..255 to [0, 1]; no other normalisation.
 */
public final class IdxReader {

    private static final int UBYTE = 0x08;

    private IdxReader() {
    }

    /**
     * @param images an images file (idx3-ubyte)
     * @param labels the matching labels file (idx1-ubyte)
     * @param classNames class names, one per label value; null for "0".."K-1" with K = max label + 1
     * @return the data set with examples of shape [1, rows, cols]
     * @throws IOException when a file cannot be read or is not IDX, naming the file
     */
    public static DenseDataset read(Path images, Path labels, List<String> classNames) throws IOException {
        long[] y;
        try (DataInputStream in = open(labels)) {
            int[] dims = header(in, labels, 1);
            y = new long[dims[0]];
            for (int i = 0; i < y.length; i++) {
                y[i] = in.readUnsignedByte();
            }
        } catch (EOFException e) {
            throw new IOException(labels + " ends early: the file is truncated", e);
        }
        try (DataInputStream in = open(images)) {
            int[] dims = header(in, images, 3);
            if (dims[0] != y.length) {
                throw new IOException(images + " holds " + dims[0] + " images but " + labels + " holds " + y.length
                        + " labels");
            }
            int size = dims[1] * dims[2];
            FloatBuffer f = DenseDataset.allocateDirect((long) dims[0] * size);
            byte[] row = new byte[size];
            for (int i = 0; i < dims[0]; i++) {
                in.readFully(row);
                for (byte b : row) {
                    f.put((b & 0xff) / 255f);
                }
            }
            f.flip();
            int k = (int) Arrays.stream(y).max().orElse(0) + 1;
            return new DenseDataset(f, y, new long[] {1, dims[1], dims[2]},
                    classNames == null ? DenseDataset.defaultNames(k) : classNames);
        } catch (EOFException e) {
            throw new IOException(images + " ends early: the file is truncated", e);
        }
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                : raw;
        return new DataInputStream(in);
    }

    private static int[] header(DataInputStream in, Path p, int rank) throws IOException {
        int magic = in.readInt();
        if ((magic >>> 16) != 0 || ((magic >> 8) & 0xff) != UBYTE || (magic & 0xff) != rank) {
            throw new IOException(p + " is not an IDX file of unsigned bytes with " + rank + " dimension(s) (magic 0x"
                    + Integer.toHexString(magic) + ")");
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new IOException(p + " declares a negative dimension " + dims[i]);
            }
        }
        return dims;
    }
}
