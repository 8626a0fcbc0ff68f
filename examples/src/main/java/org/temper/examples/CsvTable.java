package org.temper.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.temper.calibration.InvalidRowException;
import org.temper.calibration.Predictions;

/** The numeric rows of a CSV file with their line numbers; a first row without numbers is a header. */
final class CsvTable {
    final Path file;
    final List<double[]> rows = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    int columns;

    private CsvTable(Path file) {
        this.file = file;
    }

    static CsvTable read(Path file) throws IOException, InputException {
        CsvTable table = new CsvTable(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(skipByteOrderMark(reader))) {
            for (CSVRecord record : parser) {
                table.add(record, parser.getCurrentLineNumber());
            }
        }
        if (table.rows.isEmpty()) {
            throw new InputException(file + " has no data rows");
        }
        return table;
    }

    /** A UTF-8 byte-order mark (as spreadsheet programs write) is not part of the first value. */
    private static Reader skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * @param tolerance how far a row's sum may be from 1
     * @return whether every row has two or more values in [0, 1] summing to 1: probabilities, not logits
     */
    boolean looksLikeProbabilities(double tolerance) {
        if (columns < 2) {
            return false;
        }
        for (double[] row : rows) {
            double sum = 0;
            for (double v : row) {
                if (!(v >= 0 && v <= 1)) {
                    return false;
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param y the labels
     * @return the line numbers of the rows whose true class has probability 0
     */
    List<Long> zeroOnTheTrueClass(int[] y) {
        List<Long> zero = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double p = columns == 1 ? (y[i] == 1 ? rows.get(i)[0] : 1 - rows.get(i)[0]) : rows.get(i)[y[i]];
            if (p == 0) {
                zero.add(lines.get(i));
            }
        }
        return zero;
    }

    private void add(CSVRecord record, long line) throws InputException {
        if (rows.isEmpty() && columns == 0 && isHeader(record)) {
            columns = record.size();
            return;
        }
        if (columns == 0) {
            columns = record.size();
        } else if (record.size() != columns) {
            throw new InputException(file + " line " + line + ": " + record.size() + " values, but "
                    + (rows.isEmpty() ? "the header has " : "line " + lines.get(0) + " has ") + columns);
        }
        double[] row = new double[columns];
        for (int j = 0; j < columns; j++) {
            try {
                row[j] = Double.parseDouble(record.get(j));
            } catch (NumberFormatException e) {
                throw new InputException(file + " line " + line + ", column " + (j + 1) + ": '"
                        + record.get(j) + "' is not a number");
            }
        }
        rows.add(row);
        lines.add(line);
    }

    private static boolean isHeader(CSVRecord record) {
        for (String field : record) {
            try {
                Double.parseDouble(field);
                return false;
            } catch (NumberFormatException e) {
                // not a number: may be a column name
            }
        }
        return true;
    }

    /** The single column as class indices in [0, classes). */
    int[] labels(int classes) throws InputException {
        if (columns != 1) {
            throw new InputException(file + " line " + lines.get(0) + ": " + columns
                    + " columns, but a labels file has one label per line");
        }
        int[] y = new int[rows.size()];
        for (int i = 0; i < y.length; i++) {
            double value = rows.get(i)[0];
            if (value != Math.rint(value) || value < 0 || value >= classes) {
                throw new InputException(file + " line " + lines.get(i) + ": label "
                        + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value))
                        + " is not a class index 0 to " + (classes - 1));
            }
            y[i] = (int) value;
        }
        return y;
    }

    /** The rows as predictions; one column is the logit or probability of class 1 of a binary problem. */
    Predictions predictions(int[] y, boolean probabilities, double tolerance) throws InputException {
        int classes = Math.max(2, columns);
        double[] values = new double[rows.size() * (columns == 1 && probabilities ? 1 : classes)];
        for (int i = 0; i < rows.size(); i++) {
            if (columns == 1 && !probabilities) {
                values[2 * i + 1] = rows.get(i)[0]; // logits [0, z]: p(class 1) = sigmoid(z)
            } else {
                System.arraycopy(rows.get(i), 0, values, i * columns, columns);
            }
        }
        try {
            if (!probabilities) {
                return Predictions.fromLogits(values, y, classes);
            }
            return columns == 1 ? Predictions.binary(values, y)
                    : Predictions.fromProbabilities(values, y, classes, tolerance);
        } catch (InvalidRowException e) {
            throw new InputException(file + " line " + lines.get(e.row()) + ": " + e.reason());
        }
    }
}
