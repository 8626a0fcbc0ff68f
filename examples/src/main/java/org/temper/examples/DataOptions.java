package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The data options shared by the commands that read a data set: an IDX folder (or Debian's
 * Fashion-MNIST), or a CSV or ARFF file with a separate test file or a stratified, seeded test part.
 */
final class DataOptions {

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR|FILE.csv|FILE.arff",
            description = "'fashion-mnist' (Debian's dataset-fashion-mnist), a folder of MNIST-style IDX files"
                    + " (train-images-idx3-ubyte[.gz], ...), a CSV file with a header row, or an ARFF file."
                    + " Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "CSV/ARFF: the class column (default: the last one); its values are the class names.")
    String label;

    @Option(names = "--test", paramLabel = "FILE", description = "CSV/ARFF: a separate test file of the same kind and"
            + " columns (default: a stratified test part of --data).")
    Path test;

    @Option(names = "--test-fraction", defaultValue = "0.3", paramLabel = "F",
            description = "CSV/ARFF without --test: the stratified fraction of --data held out for testing."
                    + " Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--split-seed", defaultValue = "1", paramLabel = "SEED",
            description = "CSV/ARFF without --test: the seed of the stratified test split. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training examples (quick runs); predict: the first N of the split.")
    Integer limit;

    private TabularFile.TrainTest tabular;

    private boolean isTable() {
        String name = data.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".arff");
    }

    private TabularFile.TrainTest table() throws IOException {
        if (tabular == null) {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("--test-fraction must be in (0, 1), got " + testFraction);
            }
            tabular = TabularFile.read(Path.of(data), label, test, testFraction, splitSeed);
        }
        return tabular;
    }

    IdxDirectory folder() throws IOException {
        return IdxDirectory.named(data);
    }

    DenseDataset train() throws IOException {
        if (!isTable() && (label != null || test != null)) {
            throw new IllegalArgumentException("--label and --test are read with CSV or ARFF data only");
        }
        DenseDataset d = isTable() ? table().train() : folder().train();
        if (limit != null) {
            if (limit <= 0) {
                throw new IllegalArgumentException("--limit must be positive, got " + limit);
            }
            d = d.head(limit);
        }
        return d;
    }

    DenseDataset test() throws IOException {
        return isTable() ? table().test() : folder().test();
    }
}
