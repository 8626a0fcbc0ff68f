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
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

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
        long[] y = labels(labels);
        try (DataInputStream in = open(images)) {
            int[] dims = header(in, images, 3);
            if (dims[0] != y.length) {
                throw new IOException(images + " holds " + dims[0] + " images but " + labels + " holds " + y.length
                        + " labels");
            }
            long values = (long) dims[0] * dims[1] * dims[2];
            checkSize(images, dims, values);
            int size = dims[1] * dims[2];
            FloatBuffer f = DenseDataset.allocateDirect(values);
            byte[] row = new byte[size];
            for (int i = 0; i < dims[0]; i++) {
                in.readFully(row);
                for (byte b : row) {
                    f.put((b & 0xff) / 255f);
                }
            }
            f.flip();
            int k = (int) Arrays.stream(y).max().orElse(0) + 1;
            if (classNames != null && k > classNames.size()) {
                throw new IOException(labels + " holds the label " + (k - 1) + " but the data set names only "
                        + classNames.size() + " classes " + classNames);
            }
            return new DenseDataset(f, y, new long[] {1, dims[1], dims[2]},
                    classNames == null ? DenseDataset.defaultNames(k) : classNames);
        } catch (EOFException e) {
            throw new IOException(images + " ends early: the file is truncated", e);
        } catch (ZipException e) {
            throw corrupt(images, e);
        }
    }

    /**
     * @param labels a labels file (idx1-ubyte)
     * @return its label values
     * @throws IOException when the file cannot be read or is not IDX, naming the file
     */
    static long[] labels(Path labels) throws IOException {
        try (DataInputStream in = open(labels)) {
            int[] dims = header(in, labels, 1);
            if (dims[0] == 0) {
                throw new IOException(labels + " holds no examples: give a data set with at least one per class");
            }
            long bytes = (long) dims[0] * Long.BYTES;
            if (bytes > Runtime.getRuntime().maxMemory() / 2) {
                throw new IOException(String.format(Locale.ROOT, "%s declares %d labels: that needs %.1f GB of memory,"
                        + " more than this JVM may use; raise -Xmx (TEMPER_JAVA_OPTS) or use fewer examples", labels,
                        dims[0], bytes / 1e9));
            }
            if (!isGzip(labels) && Files.size(labels) < 8L + dims[0]) {
                throw new IOException(labels + " ends early: the file is truncated (it declares " + dims[0]
                        + " labels, " + (8L + dims[0]) + " bytes, but has " + Files.size(labels) + ")");
            }
            long[] y = new long[dims[0]];
            for (int i = 0; i < y.length; i++) {
                y[i] = in.readUnsignedByte();
            }
            return y;
        } catch (EOFException e) {
            throw new IOException(labels + " ends early: the file is truncated", e);
        } catch (ZipException e) {
            throw corrupt(labels, e);
        }
    }

    /**
     * Refuses, before allocating, images that cannot fit: more values than a buffer holds, more bytes
     * than this JVM may use, or (for an uncompressed file) more than the file holds.
     */
    private static void checkSize(Path images, int[] dims, long values) throws IOException {
        long bytes = values * Float.BYTES;
        long limit = Runtime.getRuntime().maxMemory();
        String declared = images + " declares " + dims[0] + " images of " + dims[1] + " x " + dims[2] + " pixels";
        if (values > Integer.MAX_VALUE) {
            throw new IOException(declared + ": " + values + " values, more than one buffer can hold (2^31 - 1);"
                    + " split the data set");
        }
        if (bytes > limit) {
            throw new IOException(String.format(Locale.ROOT, "%s: that needs %.1f GB of memory, more than the %.1f GB"
                    + " this JVM may use; raise -Xmx (TEMPER_JAVA_OPTS) or use fewer images", declared, bytes / 1e9,
                    limit / 1e9));
        }
        if (!isGzip(images) && Files.size(images) < 16 + values) {
            throw new IOException(images + " ends early: the file is truncated (" + declared + ", "
                    + (16 + values) + " bytes, but the file has " + Files.size(images) + ")");
        }
    }

    private static IOException corrupt(Path file, ZipException e) {
        return new IOException(file + " is a corrupt gzip file (" + e.getMessage() + "): download or unpack it again",
                e);
    }

    private static boolean isGzip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
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
