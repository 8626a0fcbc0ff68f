package org.temper.onnx.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX files written byte by byte: header, dimensions, unsigned bytes scaled to [0, 1], gzip, and errors. */
class IdxReaderTest {

    @TempDir
    Path dir;

    /** Two 2 x 3 images; the bytes 0x80 and 0xff check that pixels are read unsigned. */
    private static final byte[] PIXELS = {0, 51, (byte) 0x80, (byte) 0xff, 1, 102, 7, 8, 9, 10, 11, (byte) 0xfe};
    private static final byte[] LABELS = {2, 0};

    /** @return the IDX bytes: magic 0x0000 08 rank, each dimension as a big-endian int, then the data */
    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] images(int count, byte[] pixels) throws IOException {
        return idx(0x00000803, new int[] {count, 2, 3}, pixels);
    }

    private static byte[] labels(byte[] values) throws IOException {
        return idx(0x00000801, new int[] {values.length}, values);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private DenseDataset readPlain() throws IOException {
        return IdxReader.read(file("images", images(2, PIXELS)), file("labels", labels(LABELS)), null);
    }

    private static float[] features(DenseDataset data) {
        float[] x = new float[data.size() * data.exampleSize()];
        data.features().get(0, x);
        return x;
    }

    @Test
    void readsDimensionsLabelsAndPixelsScaledByOneOver255() throws IOException {
        DenseDataset data = readPlain();
        assertEquals(2, data.size());
        assertArrayEquals(new long[] {1, 2, 3}, data.exampleShape());
        assertArrayEquals(new long[] {2, 0}, data.labels());
        float[] expected = new float[PIXELS.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (PIXELS[i] & 0xff) / 255f;
        }
        float[] x = features(data);
        assertArrayEquals(expected, x);
        assertEquals(0f, x[0]);
        assertEquals(0.2f, x[1]);
        assertEquals(128 / 255f, x[2]);
        assertEquals(1f, x[3]);
        assertEquals(List.of("0", "1", "2"), data.classNames(), "classes 0 .. largest label");
    }

    @Test
    void givenClassNamesAreKept() throws IOException {
        List<String> names = List.of("shirt", "boot", "bag", "coat");
        DenseDataset data = IdxReader.read(file("images", images(2, PIXELS)), file("labels", labels(LABELS)), names);
        assertEquals(names, data.classNames());
        assertEquals(4, data.numClasses());
    }

    @Test
    void gzipIsDetectedFromTheContentNotTheName() throws IOException {
        DenseDataset plain = readPlain();
        DenseDataset zipped = IdxReader.read(file("images-idx3-ubyte", gzip(images(2, PIXELS))),
                file("labels-idx1-ubyte", gzip(labels(LABELS))), null);
        assertArrayEquals(features(plain), features(zipped));
        assertArrayEquals(plain.labels(), zipped.labels());
        DenseDataset misnamed = IdxReader.read(file("images.gz", images(2, PIXELS)),
                file("labels.gz", labels(LABELS)), null);
        assertArrayEquals(features(plain), features(misnamed));
    }

    @Test
    void truncatedFilesAreErrorsNamingTheFile() throws IOException {
        Path labels = file("labels", labels(LABELS));
        Path shortImages = file("short-images", images(2, Arrays.copyOf(PIXELS, 9)));
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(shortImages, labels, null));
        assertTrue(e.getMessage().contains(shortImages.toString()) && e.getMessage().contains("truncated"),
                e.getMessage());

        Path shortLabels = file("short-labels", idx(0x00000801, new int[] {2}, new byte[] {1}));
        e = assertThrows(IOException.class, () -> IdxReader.read(file("images", images(2, PIXELS)), shortLabels, null));
        assertTrue(e.getMessage().contains(shortLabels.toString()) && e.getMessage().contains("truncated"),
                e.getMessage());

        Path shortHeader = file("short-header", new byte[] {0, 0, 8});
        e = assertThrows(IOException.class, () -> IdxReader.read(shortImages, shortHeader, null));
        assertTrue(e.getMessage().contains(shortHeader.toString()) && e.getMessage().contains("truncated"),
                e.getMessage());

        byte[] zipped = gzip(images(2, PIXELS));
        Path cutZip = file("cut-gzip", Arrays.copyOf(zipped, zipped.length / 2));
        e = assertThrows(IOException.class, () -> IdxReader.read(cutZip, labels, null));
        assertTrue(e.getMessage().contains(cutZip.toString()), e.getMessage());
    }

    @Test
    void aWrongMagicNumberIsAnErrorNamingTheFileAndTheMagic() throws IOException {
        Path images = file("images", images(2, PIXELS));
        Path labels = file("labels", labels(LABELS));
        IOException swapped = assertThrows(IOException.class, () -> IdxReader.read(labels, images, null));
        assertTrue(swapped.getMessage().contains(images.toString())
                && swapped.getMessage().contains("1 dimension(s)") && swapped.getMessage().contains("0x803"),
                swapped.getMessage());

        Path floats = file("floats", idx(0x00000d01, new int[] {2}, new byte[8]));
        IOException notBytes = assertThrows(IOException.class, () -> IdxReader.read(images, floats, null));
        assertTrue(notBytes.getMessage().contains(floats.toString())
                && notBytes.getMessage().contains("not an IDX file of unsigned bytes"), notBytes.getMessage());

        Path text = file("text", "P5 2 3 255\n".getBytes(StandardCharsets.US_ASCII));
        IOException notIdx = assertThrows(IOException.class, () -> IdxReader.read(images, text, null));
        assertTrue(notIdx.getMessage().contains(text.toString()), notIdx.getMessage());
    }

    @Test
    void countsAndDimensionsAreChecked() throws IOException {
        Path labels = file("labels", labels(LABELS));
        Path three = file("three-images", images(3, Arrays.copyOf(PIXELS, 18)));
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(three, labels, null));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("2 labels")
                && e.getMessage().contains(three.toString()) && e.getMessage().contains(labels.toString()),
                e.getMessage());

        Path negative = file("negative", idx(0x00000803, new int[] {2, -2, 3}, PIXELS));
        e = assertThrows(IOException.class, () -> IdxReader.read(negative, labels, null));
        assertTrue(e.getMessage().contains(negative.toString()) && e.getMessage().contains("negative dimension -2"),
                e.getMessage());
    }

    @Test
    void aCorruptGzipAndAnEmptyFileAreNamed() throws IOException {
        byte[] packed = gzip(images(2, PIXELS));
        for (int i = 12; i < packed.length - 8; i++) {
            packed[i] ^= 0x5a;
        }
        Path images = file("corrupt-images.gz", packed);
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, file("l", labels(LABELS)), null));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("corrupt gzip"),
                e.getMessage());
        e = assertThrows(IOException.class, () -> IdxReader.read(file("i0", images(0, new byte[0])),
                file("l0", labels(new byte[0])), null));
        assertTrue(e.getMessage().contains("holds no examples"), e.getMessage());
    }
}
