package org.temper.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.model.ModelFiles;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train and predict commands on a small slice of Fashion-MNIST, through picocli as a user calls them. */
public class TrainCommandTest {

    /**
     * Exit code, standard output and standard error of one command.
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    public record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void needsFashionMnist() {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST), "apt-get install dataset-fashion-mnist");
    }

    /**
     * @param args the temper command line's arguments
     * @return what it printed and returned
     */
    public static Run run(String... args) {
        CommandLine cl = TemperCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void trainsWritesAModelAndPredictsLogits(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx");
        Run train = run("train", "--limit", "3000", "--hidden", "64", "--epochs", "2", "--objective", "cp",
                "--anneal", "linear", "--validation", "0.2", "--out", model.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("epoch   2/2") && train.out().contains("val acc"), train.out());
        assertTrue(train.out().contains("Test accuracy"), train.out());
        assertEquals("confidence penalty", ModelFiles.read(model).metadata().get("temper.objective").split(" beta")[0]);

        Run again = run("train", "--limit", "300", "--epochs", "1", "--out", model.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already exists"), again.err());

        Path logits = dir.resolve("logits.csv");
        Path labels = dir.resolve("labels.csv");
        Run predict = run("predict", "--model", model.toString(), "--logits", logits.toString(), "--labels",
                labels.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> rows = Files.readAllLines(logits);
        assertEquals(10_000, rows.size());
        assertEquals(10, rows.get(0).split(",").length);
        assertEquals(10_000, Files.readAllLines(labels).size());

        Path student = dir.resolve("student.onnx");
        Run kd = run("train", "--limit", "2000", "--hidden", "32", "--epochs", "1", "--objective", "kd",
                "--teacher", model.toString(), "--temperature", "2", "--out", student.toString());
        assertEquals(0, kd.code(), kd.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--alpha|1.5|alpha = 1.5: label smoothing's alpha must be in [0, 1)",
        "--temperature|0|temperature = 0.0: the distillation temperature must be finite and > 0",
        "--batch|0|batchSize = 0: give a batch size in [1,",
        "--threads|100000|threads = 100000: give 1 to",
        "--objective|xx|--objective xx: use one of [ce, cp, kd, ls]",
        "--device|tpu|device 'tpu'",
        "--data|/no/such/folder|no such folder"})
    void impossibleValuesAreOneClearLine(String flag, String value, String message, @TempDir Path dir) {
        String objective = flag.equals("--objective") ? value : flag.equals("--temperature") ? "kd" : "ls";
        List<String> args = new java.util.ArrayList<>(List.of("train", "--objective", objective,
                "--limit", "100", "--epochs", "1", "--out", dir.resolve("m.onnx").toString()));
        if (objective.equals("kd")) {
            args.addAll(List.of("--teacher", "x.onnx"));
        }
        if (!flag.equals("--objective")) {
            args.addAll(List.of(flag, value));
        }
        Run r = run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().toLowerCase().contains(message.toLowerCase()), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void unknownFlagsAndMissingDataAreErrors(@TempDir Path dir) {
        Run r = run("train", "--no-such-flag", "--out", dir.resolve("m.onnx").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--no-such-flag'"), r.err());
        Run missing = run("train", "--out", dir.resolve("m.onnx").toString(), "--objective", "kd", "--limit", "100");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("needs --teacher"), missing.err());
    }

    @Test
    void trainsOnACsvFileAndWritesPenultimateActivations(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("wine.onnx");
        Run train = run("train", "--data", "../testdata/wine.csv", "--hidden", "12", "--epochs", "3",
                "--out", model.toString());
        assertEquals(0, train.code(), train.out() + train.err());
        assertTrue(train.out().contains("Test accuracy"), train.out());
        Path activations = dir.resolve("penultimate.csv");
        Run predict = run("predict", "--model", model.toString(), "--data", "../testdata/wine.csv",
                "--penultimate", activations.toString());
        assertEquals(0, predict.code(), predict.out() + predict.err());
        List<String> rows = java.nio.file.Files.readAllLines(activations);
        assertEquals(53, rows.size(), "the stratified 30 % test part of 59 + 71 + 48 rows: 18 + 21 + 14");
        assertEquals(12, rows.get(0).split(",").length);
        Run limited = run("predict", "--model", model.toString(), "--data", "../testdata/wine.csv", "--limit", "10");
        assertTrue(limited.out().contains("on 10 test examples"), "--limit applies to the test split: " + limited.out());
    }

    @Test
    void anOutThatCannotBeCreatedIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("regular"), "x");
        Run r = run("train", "--data", "../testdata/wine.csv", "--out", file.resolve("m.onnx").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("is not a folder"), r.err());
        assertTrue(!r.out().contains("epoch"), "refused before any training: " + r.out());
        Run self = run("train", "--data", "../testdata/wine.csv", "--out", "../testdata/wine.csv");
        assertTrue(self.err().contains("also an input"), self.err());
    }

    @Test
    void optionsAnotherObjectiveReadsAndOversizedBatchesAreSaidOutLoud(@TempDir Path dir) {
        Run r = run("train", "--data", "../testdata/wine.csv", "--temperature", "3", "--out",
                dir.resolve("a.onnx").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--temperature is read by --objective kd only, not by ls"), r.err());
        r = run("train", "--data", "../testdata/wine.csv", "--gamma", "0.5", "--out", dir.resolve("b.onnx").toString());
        assertTrue(r.err().contains("--schedule step only"), r.err());
        r = run("train", "--data", "../testdata/wine.csv", "--batch", "10000", "--epochs", "1", "--hidden", "4",
                "--out", dir.resolve("c.onnx").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("note: batch 10,000 > 125 training examples: using 125"), r.out());
    }
}
