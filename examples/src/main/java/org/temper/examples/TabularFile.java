package org.temper.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.temper.onnx.data.DenseDataset;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * Reads a tabular data set, a CSV file with a header row or a Weka ARFF file, into the engine's
 * {@link DenseDataset}s: examples of shape {F}, one float per feature column, labels as class indices.
 *
 * <p>CSV: the label column is named by {@code label} (default: the last column); every other column
 * must hold finite numbers in every row. The class names are the label column's distinct values
 * sorted in {@link String} natural order, so the class indices do not depend on the order of the rows.
 * A UTF-8 byte order mark is dropped; blank lines are skipped; line numbers in messages are the line on
 * which the record ends.
 *
 * <p>ARFF, read with Weka's {@link ArffLoader}: the class is the last attribute unless {@code label}
 * names another, and must be nominal; its declared values, in declared order, are the class names.
 * A numeric attribute becomes one column, a nominal one a column per declared value (one-hot, named
 * {@code attribute=value}); string, date and relational attributes, missing values and instance
 * weights other than 1 are refused.
 *
 * <p>A test file must be of the same kind and is read with the training file's columns and classes;
 * without one, a stratified, seeded part of the training file is held out ({@link #stratifiedSplit}).
 * Bad input is reported as an {@link IllegalArgumentException} naming the file, the place and what to do.
 */
public final class TabularFile {

    /**
     * A training and a test set with the same columns and classes.
     * @param train the training examples
     * @param test the test examples
     * @param featureNames the name of each feature column, index = position in an example
     */
    public record TrainTest(DenseDataset train, DenseDataset test, List<String> featureNames) {
        // Copies the names.
        public TrainTest {
            featureNames = List.copyOf(featureNames);
        }
    }

    /** A plain decimal number: no NaN, Infinity, hexadecimal or Java's f/d suffixes. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private TabularFile() {
    }

    /**
     * Reads a training file and its test set.
     * @param data the training file, {@code .csv} (with a header row) or {@code .arff}
     * @param label the label column or class attribute; null for the last one
     * @param test a test file of the same kind, or null to hold out part of {@code data}
     * @param testFraction the part of each class held out when {@code test} is null, in (0, 1); ignored otherwise
     * @param seed the seed of the held-out part's shuffle
     * @return the training and test sets and the feature names
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the content is not usable, with a message saying where and what to do
     */
    public static TrainTest read(Path data, String label, Path test, double testFraction, long seed)
            throws IOException {
        boolean arff = isArff(data);
        requireFile(data);
        if (test != null) {
            requireFile(test);
        }
        if (test != null && isArff(test) != arff) {
            throw new IllegalArgumentException("The test file " + test + " must be of the same kind as the data file "
                    + data + " (both .csv or both .arff)");
        }
        if (test == null && !(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("The test fraction (--test-fraction) must be in (0, 1), got "
                    + testFraction + "; or give a test file (--test)");
        }
        Table train;
        Table testTable = null;
        if (arff) {
            Instances trainInstances = loadArff(data);
            int classIndex = classIndex(trainInstances, label, data);
            ArffLayout layout = ArffLayout.of(trainInstances, data);
            train = layout.encode(trainInstances, data);
            if (test != null) {
                Instances testInstances = loadArff(test);
                if (testInstances.numAttributes() != trainInstances.numAttributes()) {
                    throw new IllegalArgumentException("The test file " + test + " has " + testInstances.numAttributes()
                            + " attributes but the data file " + data + " has " + trainInstances.numAttributes()
                            + ": give both the same attributes");
                }
                testInstances.setClassIndex(classIndex);
                String msg = trainInstances.equalHeadersMsg(testInstances);
                if (msg != null) {
                    throw new IllegalArgumentException("The test file " + test + " does not have the attributes of the"
                            + " data file " + data + ": " + msg.trim());
                }
                testTable = layout.encode(testInstances, test);
            }
        } else {
            CsvFile trainCsv = CsvFile.read(data);
            String labelName = trainCsv.labelColumn(label);
            train = trainCsv.encode(labelName, null, trainCsv.columns);
            if (test != null) {
                testTable = CsvFile.read(test).encode(labelName, train.classNames, trainCsv.columns);
            }
        }
        train.checkClasses(data);
        DenseDataset trainSet = train.dataset();
        if (testTable != null) {
            return new TrainTest(trainSet, testTable.dataset(), train.featureNames);
        }
        int[][] parts = stratifiedSplit(trainSet.labels(), trainSet.numClasses(), testFraction, seed);
        if (parts[1].length == 0) {
            throw new IllegalArgumentException("A test fraction of " + testFraction + " of the " + trainSet.size()
                    + " rows of " + data + " holds out no row: raise --test-fraction or give a test file (--test)");
        }
        return new TrainTest(trainSet.subset(parts[0]), trainSet.subset(parts[1]), train.featureNames);
    }

    /**
     * Splits examples into a training and a test part, each class in the same proportion: the indices of
     * each class (in class order) are shuffled with one {@code new Random(seed)}, and the first
     * {@code round(n_c * testFraction)} of them go to the test part, but never all of a class: at least one
     * example of each class present stays for training. Deterministic for a given seed.
     * @param labels the class index of each example
     * @param numClasses the number of classes
     * @param testFraction the fraction of each class held out, in (0, 1)
     * @param seed the shuffle's seed
     * @return {training indices, test indices}, each in ascending order
     */
    public static int[][] stratifiedSplit(long[] labels, int numClasses, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("The test fraction must be in (0, 1), got " + testFraction);
        }
        int[] counts = new int[numClasses];
        for (long l : labels) {
            if (l < 0 || l >= numClasses) {
                throw new IllegalArgumentException("Label " + l + " is outside [0, " + numClasses + ")");
            }
            counts[(int) l]++;
        }
        int[][] byClass = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            byClass[(int) labels[i]][fill[(int) labels[i]]++] = i;
        }
        Random random = new Random(seed);
        int[] train = new int[labels.length];
        int[] test = new int[labels.length];
        int nTrain = 0;
        int nTest = 0;
        for (int c = 0; c < numClasses; c++) {
            int n = counts[c];
            int[] perm = DenseDataset.permutation(n, random);
            int held = n == 0 ? 0 : (int) Math.min(Math.round(n * testFraction), n - 1);
            for (int k = 0; k < n; k++) {
                int i = byClass[c][perm[k]];
                if (k < held) {
                    test[nTest++] = i;
                } else {
                    train[nTrain++] = i;
                }
            }
        }
        int[] trainIdx = Arrays.copyOf(train, nTrain);
        int[] testIdx = Arrays.copyOf(test, nTest);
        Arrays.sort(trainIdx);
        Arrays.sort(testIdx);
        return new int[][] {trainIdx, testIdx};
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
    }

    private static boolean isArff(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".arff")) {
            return true;
        }
        if (name.endsWith(".csv")) {
            return false;
        }
        throw new IllegalArgumentException(file + ": give a .csv file (with a header row) or a Weka .arff file");
    }

    // ---------------------------------------------------------------------------------------- CSV

    /** The cells of a CSV file, its header apart. */
    private static final class CsvFile {
        final Path file;
        final List<String> columns;
        final List<String[]> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();

        private CsvFile(Path file, List<String> columns) {
            this.file = file;
            this.columns = columns;
        }

        static CsvFile read(Path file) throws IOException {
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                try (CSVParser parser = format.parse(reader)) {
                    Iterator<CSVRecord> it = parser.iterator();
                    if (!it.hasNext()) {
                        throw new IllegalArgumentException(file + " is empty: expected a header row naming the"
                                + " columns, then one row per example");
                    }
                    CsvFile csv = new CsvFile(file, header(file, it.next().toList()));
                    while (it.hasNext()) {
                        CSVRecord record = it.next();
                        long line = parser.getCurrentLineNumber();
                        if (record.size() != csv.columns.size()) {
                            throw new IllegalArgumentException(file + " line " + line + ": " + record.size()
                                    + " values, but the header has " + csv.columns.size() + " columns: give every"
                                    + " row one value per column");
                        }
                        csv.rows.add(record.values());
                        csv.lines.add(line);
                    }
                    if (csv.rows.isEmpty()) {
                        throw new IllegalArgumentException(file + " has a header but no rows: add one row per"
                                + " example");
                    }
                    return csv;
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw notUtf8(file, e);
                    }
                    throw new IllegalArgumentException(file + " is not valid CSV: " + e.getCause().getMessage(), e);
                }
            } catch (CharacterCodingException e) {
                throw notUtf8(file, e);
            }
        }

        private static IllegalArgumentException notUtf8(Path file, Exception e) {
            return new IllegalArgumentException(file + " is not UTF-8 text: save it as UTF-8 CSV", e);
        }

        private static List<String> header(Path file, List<String> names) {
            Map<String, Integer> seen = new HashMap<>();
            List<String> columns = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                String name = names.get(j).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(file + " line 1: column " + (j + 1) + " has no name in the"
                            + " header: name it, or remove the column");
                }
                Integer before = seen.putIfAbsent(name, j);
                if (before != null) {
                    throw new IllegalArgumentException(file + " line 1: the column name '" + name + "' appears twice"
                            + " (columns " + (before + 1) + " and " + (j + 1) + "): give each column its own name");
                }
                columns.add(name);
            }
            return List.copyOf(columns);
        }

        /** @return the name of the label column: {@code label}, or the last column's if null */
        String labelColumn(String label) {
            if (label == null) {
                if (columns.size() < 2) {
                    throw new IllegalArgumentException(file + " has only one column ('" + columns.get(0) + "'): it"
                            + " needs feature columns and a label column");
                }
                return columns.get(columns.size() - 1);
            }
            if (!columns.contains(label)) {
                throw new IllegalArgumentException(file + " has no column '" + label + "' for --label; its columns"
                        + " are " + columns);
            }
            if (columns.size() < 2) {
                throw new IllegalArgumentException(file + " has only the label column '" + label + "': it needs"
                        + " feature columns too");
            }
            return label;
        }

        /**
         * @param labelName the label column
         * @param classNames the classes to map labels to, or null to take this file's sorted distinct labels
         * @param layout the training file's columns, in the order of the features (the label left out); this
         *        file must have the same names, in any order
         */
        Table encode(String labelName, List<String> classNames, List<String> layout) {
            if (!columns.equals(layout) && !new TreeSet<>(columns).equals(new TreeSet<>(layout))) {
                List<String> missing = new ArrayList<>(layout);
                missing.removeAll(columns);
                List<String> extra = new ArrayList<>(columns);
                extra.removeAll(layout);
                throw new IllegalArgumentException(file + " must have the columns of the training file " + layout
                        + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; extra "
                        + extra) + ": give the test file the same header (in any order)");
            }
            int labelColumn = columns.indexOf(labelName);
            List<String> featureNames = new ArrayList<>();
            int[] source = new int[layout.size() - 1];
            for (String name : layout) {
                if (!name.equals(labelName)) {
                    source[featureNames.size()] = columns.indexOf(name);
                    featureNames.add(name);
                }
            }
            String[] labels = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                labels[i] = rows.get(i)[labelColumn].trim();
                if (labels[i].isEmpty()) {
                    throw new IllegalArgumentException(file + " line " + lines.get(i) + ": the label column '"
                            + labelName + "' is empty: give every row its class, or drop the row");
                }
            }
            if (classNames == null) {
                classNames = List.copyOf(new TreeSet<>(Arrays.asList(labels)));
            }
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < classNames.size(); c++) {
                index.put(classNames.get(c), c);
            }
            Map<String, Integer> unknown = new LinkedHashMap<>();
            long[] y = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Integer c = index.get(labels[i]);
                if (c == null) {
                    unknown.merge(labels[i], 1, Integer::sum);
                } else {
                    y[i] = c;
                }
            }
            if (!unknown.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                unknown.forEach((name, n) -> sb.append(sb.length() == 0 ? "" : ", ").append("'").append(name)
                        .append("' (").append(n).append(n == 1 ? " row)" : " rows)"));
                throw new IllegalArgumentException(file + ": the label column '" + labelName + "' has values that"
                        + " are not classes of the training file: " + sb + "; the training classes are " + classNames
                        + ": remove those rows or add the classes to the training file");
            }
            int f = source.length;
            float[] x = new float[rows.size() * f];
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                for (int k = 0; k < f; k++) {
                    x[i * f + k] = number(row[source[k]], i, featureNames.get(k), labelName);
                }
            }
            return new Table(x, y, featureNames, classNames);
        }

        private float number(String cell, int row, String column, String labelName) {
            String v = cell.trim();
            String where = file + " line " + lines.get(row) + ", column '" + column + "': ";
            if (v.isEmpty()) {
                throw new IllegalArgumentException(where + "the value is empty: fill in the missing value or drop"
                        + " the row");
            }
            if (!DECIMAL.matcher(v).matches()) {
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.matches("[+-]?(nan|inf|infinity)")) {
                    throw new IllegalArgumentException(where + "'" + v + "' is not a finite number: replace it"
                            + " (impute) or drop the row");
                }
                throw new IllegalArgumentException(where + "'" + v + "' is not a number: every column but the label"
                        + " ('" + labelName + "') must be numeric; name the label column with --label, or encode or"
                        + " drop this column");
            }
            float x = (float) Double.parseDouble(v);
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException(where + "'" + v + "' is too large for a float: rescale the"
                        + " column");
            }
            return x;
        }
    }

    // ---------------------------------------------------------------------------------------- ARFF

    private static Instances loadArff(Path file) {
        ArffLoader loader = new ArffLoader();
        try {
            loader.setFile(file.toFile());
            return loader.getDataSet();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a readable ARFF file: " + e.getMessage(), e);
        }
    }

    /** Sets the class attribute: the one named {@code label}, or the last. */
    private static int classIndex(Instances data, String label, Path file) {
        if (data.numAttributes() < 2) {
            throw new IllegalArgumentException(file + " has " + data.numAttributes() + " attribute(s): it needs"
                    + " feature attributes and a class attribute");
        }
        Attribute cls = label == null ? data.attribute(data.numAttributes() - 1) : data.attribute(label);
        if (cls == null) {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < data.numAttributes(); j++) {
                names.add(data.attribute(j).name());
            }
            throw new IllegalArgumentException(file + " has no attribute '" + label + "' for --label; its attributes"
                    + " are " + names);
        }
        if (cls.type() == Attribute.NUMERIC) {
            throw new IllegalArgumentException(file + ": the class attribute '" + cls.name() + "' is numeric:"
                    + " regression is not supported; give a nominal class attribute, or name one with --label");
        }
        if (!cls.isNominal()) {
            throw new IllegalArgumentException(file + ": the class attribute '" + cls.name() + "' is of type "
                    + Attribute.typeToString(cls) + ": the class must be nominal; name a nominal one with --label");
        }
        data.setClassIndex(cls.index());
        return cls.index();
    }

    /** Where each attribute of an ARFF header goes in an example. */
    private record ArffLayout(int[] offset, List<String> featureNames, List<String> classNames) {

        static ArffLayout of(Instances header, Path file) {
            int[] offset = new int[header.numAttributes()];
            List<String> names = new ArrayList<>();
            for (int j = 0; j < header.numAttributes(); j++) {
                Attribute a = header.attribute(j);
                offset[j] = names.size();
                if (j == header.classIndex()) {
                    offset[j] = -1;
                } else if (a.type() == Attribute.NUMERIC) {
                    names.add(a.name());
                } else if (a.type() == Attribute.NOMINAL) {
                    for (int v = 0; v < a.numValues(); v++) {
                        names.add(a.name() + "=" + a.value(v));
                    }
                } else {
                    throw new IllegalArgumentException(file + ": the attribute '" + a.name() + "' is of type "
                            + Attribute.typeToString(a) + ", which is not supported: only numeric and nominal"
                            + " attributes are; remove or convert it");
                }
            }
            List<String> classes = new ArrayList<>();
            Attribute cls = header.classAttribute();
            for (int v = 0; v < cls.numValues(); v++) {
                classes.add(cls.value(v));
            }
            return new ArffLayout(offset, names, classes);
        }

        Table encode(Instances data, Path file) {
            int f = featureNames.size();
            int n = data.numInstances();
            if (n == 0) {
                throw new IllegalArgumentException(file + " has no instances: add one row per example after @data");
            }
            float[] x = new float[n * f];
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                Instance inst = data.instance(i);
                if (inst.weight() != 1) {
                    throw new IllegalArgumentException(file + ": instance " + (i + 1) + " has weight " + inst.weight()
                            + ": instance weights are not supported; remove them");
                }
                for (int j = 0; j < data.numAttributes(); j++) {
                    Attribute a = data.attribute(j);
                    if (inst.isMissing(j)) {
                        throw new IllegalArgumentException(file + ": the attribute '" + a.name() + "' of instance "
                                + (i + 1) + " is missing ('?'): fill in the missing value or drop the instance");
                    }
                    double v = inst.value(j);
                    if (offset[j] < 0) {
                        y[i] = (long) v;
                    } else if (a.type() == Attribute.NOMINAL) {
                        x[i * f + offset[j] + (int) v] = 1;
                    } else {
                        float fv = (float) v;
                        if (!Float.isFinite(fv)) {
                            throw new IllegalArgumentException(file + ": the attribute '" + a.name() + "' of"
                                    + " instance " + (i + 1) + " is " + v + ": give a finite number");
                        }
                        x[i * f + offset[j]] = fv;
                    }
                }
            }
            return new Table(x, y, featureNames, classNames);
        }
    }

    // ---------------------------------------------------------------------------------------- common

    /** Encoded rows before they become a DenseDataset. */
    private record Table(float[] features, long[] labels, List<String> featureNames, List<String> classNames) {

        void checkClasses(Path file) {
            long present = Arrays.stream(labels).distinct().count();
            if (present < 2) {
                throw new IllegalArgumentException(file + " has only one class ('" + classNames.get((int) labels[0])
                        + "', all " + labels.length + (labels.length == 1 ? " row" : " rows") + "): a classifier"
                        + " needs at least two; check the label column (--label)");
            }
        }

        DenseDataset dataset() {
            FloatBuffer buffer = DenseDataset.allocateDirect(features.length);
            buffer.put(features).flip();
            return new DenseDataset(buffer, labels, new long[] {featureNames.size()}, classNames);
        }
    }
}
