package org.temper.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom IDX folders: the class set is the training split's, test labels are matched to it by name. */
@Tag("faults")
class IdxClassSetTest {

    /** Writes an IDX pair of n 4x4 images whose brightest pixel encodes the label, so a network can learn it. */
    static void write(Path dir, String prefix, int[] labels, long seed) throws IOException {
        Random r = new Random(seed);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
            out.writeInt(0x801);
            out.writeInt(labels.length);
            for (int l : labels) {
                out.writeByte(l);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")))) {
            out.writeInt(0x803);
            out.writeInt(labels.length);
            out.writeInt(4);
            out.writeInt(4);
            for (int l : labels) {
                for (int p = 0; p < 16; p++) {
                    out.writeByte(p == l % 16 ? 255 : r.nextInt(40));
                }
            }
        }
    }

    private static int[] repeat(int n, int... values) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }

    private static double accuracy(String out, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aTestSplitWithFewerClassesIsScoredInTheTrainingClasses(@TempDir Path dir) throws Exception {
        write(dir, "train", repeat(600, 0, 1, 3), 1);
        write(dir, "t10k", repeat(100, 0, 3), 2);
        Path model = dir.resolve("m.onnx");
        TrainCommandTest.Run train = TrainCommandTest.run("train", "--data", dir.toString(), "--hidden", "8",
                "--epochs", "10", "--out", model.toString());
        assertEquals(0, train.code(), train.out() + train.err());
        assertTrue(train.out().contains("of 3 classes"), train.out());
        assertTrue(train.out().contains("no training example has the label(s) 2"), train.out());
        double trained = accuracy(train.out(), "Test accuracy ([0-9.]+)%");
        TrainCommandTest.Run predict = TrainCommandTest.run("predict", "--model", model.toString(), "--data",
                dir.toString());
        assertEquals(0, predict.code(), predict.out() + predict.err());
        assertEquals(trained, accuracy(predict.out(), "accuracy ([0-9.]+)%"), 1e-9, "train and predict agree");
        assertTrue(trained > 90, train.out());
    }

    @Test
    void aTestLabelOutsideTheTrainingClassesIsNamedBeforeTraining(@TempDir Path dir) throws Exception {
        write(dir, "train", repeat(60, 0, 1), 1);
        write(dir, "t10k", repeat(10, 0, 1, 2, 2, 5), 2);
        TrainCommandTest.Run train = TrainCommandTest.run("train", "--data", dir.toString(), "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, train.code(), train.out() + train.err());
        assertTrue(train.err().contains("'2' (4 examples), '5' (2 examples)"), train.err());
        assertTrue(!train.out().contains("epoch"), "refused before training");
        assertTrue(Files.notExists(dir.resolve("m.onnx")));
    }

    @Test
    void oneStrayLabelIsReportedNotTurnedIntoEmptyClasses(@TempDir Path dir) throws Exception {
        int[] labels = repeat(60, 0, 1);
        labels[7] = 255;
        write(dir, "train", labels, 1);
        write(dir, "t10k", repeat(10, 0, 1), 2);
        TrainCommandTest.Run train = TrainCommandTest.run("train", "--data", dir.toString(), "--hidden", "4",
                "--epochs", "1", "--out", dir.resolve("m.onnx").toString());
        assertEquals(0, train.code(), train.out() + train.err());
        assertTrue(train.out().contains("of 3 classes"), train.out());
        assertTrue(train.out().contains("253 values from 2 to 254"), train.out());
    }

    @Test
    void anImpossibleImageCountIsRefusedBeforeAllocating(@TempDir Path dir) throws Exception {
        write(dir, "train", repeat(10, 0, 1), 1);
        write(dir, "t10k", repeat(10, 0, 1), 2);
        try (var f = new java.io.RandomAccessFile(dir.resolve("train-images-idx3-ubyte").toFile(), "rw")) {
            f.seek(4);
            f.writeInt(0x7fffffff);
        }
        try (var f = new java.io.RandomAccessFile(dir.resolve("train-labels-idx1-ubyte").toFile(), "rw")) {
            f.seek(4);
            f.writeInt(0x7fffffff);
        }
        TrainCommandTest.Run train = TrainCommandTest.run("train", "--data", dir.toString(), "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, train.code(), train.out() + train.err());
        assertTrue(train.err().contains("ends early") || train.err().contains("GB of memory"), train.err());
    }
}
