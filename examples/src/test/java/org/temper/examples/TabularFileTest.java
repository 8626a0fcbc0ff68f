package org.temper.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.temper.onnx.data.DenseDataset;

class TabularFileTest {

    private static final Path WINE = Path.of("../testdata/wine.csv");
    private static final Path BREAST_CANCER = Path.of("../testdata/breast-cancer.csv");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** The message of the error that reading {@code data} (and {@code test}) with the given label raises. */
    private static String error(Path data, String label, Path test) {
        return assertThrows(IllegalArgumentException.class, () -> TabularFile.read(data, label, test, 0.3, 1))
                .getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
        }
    }

    private static float[] row(DenseDataset d, int i) {
        float[] r = new float[d.exampleSize()];
        d.features().get(i * d.exampleSize(), r);
        return r;
    }

    private static double columnSum(DenseDataset d, int column) {
        FloatBuffer f = d.features();
        double s = 0;
        for (int i = 0; i < d.size(); i++) {
            s += f.get(i * d.exampleSize() + column);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------ real CSV files

    @Test
    void wineHoldsOutAStratifiedTestPart() throws IOException {
        TabularFile.TrainTest t = TabularFile.read(WINE, null, null, 0.3, 42);
        assertEquals(13, t.featureNames().size());
        assertEquals("alcohol", t.featureNames().get(0));
        assertEquals("proline", t.featureNames().get(12));
        assertEquals(List.of("class_0", "class_1", "class_2"), t.train().classNames());
        assertEquals(t.train().classNames(), t.test().classNames());
        assertArrayEquals(new long[] {13}, t.train().exampleShape());
        assertArrayEquals(new long[] {13}, t.test().exampleShape());
        assertTrue(t.train().features().isDirect());
        // 59, 71, 48 rows per class; round(0.3 * n) = round(17.7), round(21.3), round(14.4) = 18, 21, 14 held out.
        assertArrayEquals(new int[] {18, 21, 14}, t.test().classCounts());
        assertArrayEquals(new int[] {41, 50, 34}, t.train().classCounts());
        // Every row lands once: the alcohol column of the file sums to 2314.11 (awk over the file).
        assertEquals(2314.11, columnSum(t.train(), 0) + columnSum(t.test(), 0), 1e-2);
        // Same seed, same split; another seed, another one.
        TabularFile.TrainTest again = TabularFile.read(WINE, null, null, 0.3, 42);
        assertArrayEquals(t.test().labels(), again.test().labels());
        assertEquals(columnSum(t.test(), 12), columnSum(again.test(), 12));
        TabularFile.TrainTest other = TabularFile.read(WINE, null, null, 0.3, 43);
        assertFalse(columnSum(t.test(), 12) == columnSum(other.test(), 12));
    }

    @Test
    void wineFirstRowIsReadAsWritten() throws IOException {
        // Row 0 (line 2) is class_0; the split keeps indices in ascending order, so it is the first row of its part.
        TabularFile.TrainTest t = TabularFile.read(WINE, null, null, 0.3, 42);
        float[] first = {14.23f, 1.71f, 2.43f, 15.6f, 127.0f, 2.8f, 3.06f, 0.28f, 2.29f, 5.64f, 1.04f, 3.92f, 1065.0f};
        boolean inTrain = Arrays.equals(row(t.train(), 0), first);
        boolean inTest = Arrays.equals(row(t.test(), 0), first);
        assertTrue(inTrain ^ inTest, "line 2 of wine.csv is the first row of exactly one part");
        assertEquals(0, (inTrain ? t.train() : t.test()).label(0));
    }

    @Test
    void breastCancerClassesAreSortedNotInFileOrder() throws IOException {
        // The file starts with malignant rows; sorted, benign is class 0.
        TabularFile.TrainTest t = TabularFile.read(BREAST_CANCER, "class", null, 0.3, 7);
        assertEquals(List.of("benign", "malignant"), t.train().classNames());
        assertEquals(30, t.featureNames().size());
        assertEquals("mean_radius", t.featureNames().get(0));
        assertEquals(569, t.train().size() + t.test().size());
        // 357 benign, 212 malignant: round(107.1) = 107 and round(63.6) = 64 held out.
        assertArrayEquals(new int[] {107, 64}, t.test().classCounts());
        assertArrayEquals(new int[] {250, 148}, t.train().classCounts());
    }

    @Test
    void anotherLabelColumnMakesTheClassColumnAFeatureAndItIsNotNumeric() {
        String m = error(WINE, "magnesium", null);
        assertContains(m, "wine.csv", "line 2", "column 'class'", "'class_0'", "--label");
    }

    // ------------------------------------------------------------------------------------ the split

    @Test
    void stratifiedSplitKeepsEachClassProportionAndIsDeterministic() {
        long[] labels = new long[178];
        // wine's class sizes, interleaved: 59 of class 0, 71 of class 1, 48 of class 2.
        int[] sizes = {59, 71, 48};
        int k = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                labels[k++] = c;
            }
        }
        int[][] parts = TabularFile.stratifiedSplit(labels, 3, 0.3, 42);
        int[] testCounts = new int[3];
        for (int i : parts[1]) {
            testCounts[(int) labels[i]]++;
        }
        assertArrayEquals(new int[] {18, 21, 14}, testCounts);
        assertEquals(178 - 53, parts[0].length);
        int[] all = IntStream.concat(Arrays.stream(parts[0]), Arrays.stream(parts[1])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 178).toArray(), all);
        assertArrayEquals(Arrays.stream(parts[1]).sorted().toArray(), parts[1]);
        int[][] again = TabularFile.stratifiedSplit(labels, 3, 0.3, 42);
        assertArrayEquals(parts[0], again[0]);
        assertArrayEquals(parts[1], again[1]);
        assertFalse(Arrays.equals(parts[1], TabularFile.stratifiedSplit(labels, 3, 0.3, 43)[1]));
    }

    @Test
    void stratifiedSplitNeverHoldsOutAWholeClass() {
        long[] labels = {0, 0, 0, 0, 1};
        int[][] parts = TabularFile.stratifiedSplit(labels, 2, 0.6, 3);
        // Class 0: round(2.4) = 2 held out; class 1: round(0.6) = 1, capped to 0 so it keeps its only row.
        assertEquals(2, parts[1].length);
        assertTrue(Arrays.stream(parts[0]).anyMatch(i -> i == 4));
        assertThrows(IllegalArgumentException.class, () -> TabularFile.stratifiedSplit(labels, 2, 1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> TabularFile.stratifiedSplit(labels, 2, 0.0, 3));
    }

    // ------------------------------------------------------------------------------------ CSV details

    @Test
    void aTestFileIsReadWithTheTrainingColumnsAndClasses() throws IOException {
        Path train = write("train.csv", "a,b,label\n1,2,x\n3,4,y\n5,6,z\n");
        // Columns in another order, and only two of the three classes.
        Path test = write("test.csv", "label,b,a\nz,20,10\ny,40,30\n");
        TabularFile.TrainTest t = TabularFile.read(train, null, test, 0.3, 1);
        assertEquals(List.of("a", "b"), t.featureNames());
        assertEquals(3, t.train().size());
        assertEquals(List.of("x", "y", "z"), t.test().classNames());
        assertArrayEquals(new long[] {2, 1}, t.test().labels());
        assertArrayEquals(new float[] {10, 20}, row(t.test(), 0));
        assertArrayEquals(new float[] {30, 40}, row(t.test(), 1));
    }

    @Test
    void aTestClassUnknownToTrainingIsAnError() throws IOException {
        Path train = write("train.csv", "a,label\n1,x\n2,y\n");
        Path test = write("test.csv", "a,label\n1,x\n2,w\n3,w\n");
        assertContains(error(train, null, test), "test.csv", "'w' (2 rows)", "[x, y]");
    }

    @Test
    void aTestFileWithOtherColumnsIsAnError() throws IOException {
        Path train = write("train.csv", "a,b,label\n1,2,x\n3,4,y\n");
        Path test = write("test.csv", "a,c,label\n1,2,x\n");
        assertContains(error(train, null, test), "test.csv", "missing [b]", "extra [c]");
    }

    @Test
    void aByteOrderMarkDoesNotLeakIntoTheFirstColumnName() throws IOException {
        Path p = write("bom.csv", "\uFEFFa,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");
        TabularFile.TrainTest t = TabularFile.read(p, null, null, 0.5, 1);
        assertEquals(List.of("a", "b"), t.featureNames());
        // The first column is found by its plain name as the label.
        Path first = write("bom-first.csv", "\uFEFFkind,a\nx,1\ny,2\nx,3\ny,4\n");
        TabularFile.TrainTest byKind = TabularFile.read(first, "kind", null, 0.5, 1);
        assertEquals(List.of("a"), byKind.featureNames());
        assertEquals(List.of("x", "y"), byKind.train().classNames());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,abc,x    | 'abc' is not a number",
        "1,,x       | the value is empty",
        "1,NaN,x    | 'NaN' is not a finite number",
        "1,Inf,x    | 'Inf' is not a finite number",
        "1,-Infinity,x | '-Infinity' is not a finite number",
        "1,1e60,x   | '1e60' is too large for a float",
    })
    void aBadCellNamesTheLineColumnAndValue(String badRow, String expected) throws IOException {
        Path p = write("bad.csv", "a,b,label\n1,2,x\n3,4,y\n" + badRow.trim() + "\n5,6,y\n");
        assertContains(error(p, null, null), "bad.csv line 4, column 'b'", expected);
    }

    @Test
    void aRaggedRowNamesItsLine() throws IOException {
        Path p = write("ragged.csv", "a,b,label\n1,2,x\n\n3,4,y\n5,y\n");
        // The blank line 3 is skipped but counted.
        assertContains(error(p, null, null), "ragged.csv line 5", "2 values", "header has 3 columns");
    }

    @Test
    void anUnknownLabelListsTheColumns() throws IOException {
        Path p = write("cols.csv", "a,b,label\n1,2,x\n3,4,y\n");
        assertContains(error(p, "Label", null), "no column 'Label'", "[a, b, label]");
    }

    @Test
    void oneClassIsAnError() throws IOException {
        Path p = write("one.csv", "a,label\n1,x\n2,x\n");
        assertContains(error(p, null, null), "one.csv", "only one class", "'x'", "2 rows");
    }

    @Test
    void noRowsOrNoHeaderIsAnError() throws IOException {
        assertContains(error(write("header.csv", "a,label\n"), null, null), "header.csv", "no rows");
        assertContains(error(write("empty.csv", ""), null, null), "empty.csv is empty");
    }

    @Test
    void anEmptyLabelOrColumnNameIsAnError() throws IOException {
        assertContains(error(write("nolabel.csv", "a,label\n1,x\n2,\n"), null, null), "line 3", "'label' is empty");
        assertContains(error(write("noname.csv", "a,,label\n1,2,x\n"), null, null), "column 2 has no name");
        assertContains(error(write("twice.csv", "a,a,label\n1,2,x\n"), null, null), "'a' appears twice");
    }

    @Test
    void badArgumentsAreErrors() throws IOException {
        Path csv = write("ok.csv", "a,label\n1,x\n2,y\n");
        Path arff = write("ok.arff", "@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\n2,y\n");
        assertContains(error(csv, null, arff), "same kind");
        assertContains(error(write("data.txt", "a"), null, null), ".csv", ".arff");
        assertContains(assertThrows(IllegalArgumentException.class,
                () -> TabularFile.read(csv, null, null, 1.5, 1)).getMessage(), "--test-fraction", "1.5");
        assertContains(assertThrows(IOException.class,
                () -> TabularFile.read(dir.resolve("nothing.csv"), null, null, 0.3, 1)).getMessage(), "no such file");
    }

    // ------------------------------------------------------------------------------------ ARFF

    private static final String ARFF = """
            % a comment
            @relation fruit
            @attribute weight numeric
            @attribute colour {red, green, blue}
            @attribute 'sugar content' real
            @attribute kind {zz, aa}
            @data
            1.5, green, 3, aa
            2.5, blue, 4, zz
            -1, red, 0.5, aa
            """;

    @Test
    void arffNominalAttributesAreOneHotInDeclaredOrder() throws IOException {
        Path p = write("fruit.arff", ARFF);
        Path test = write("fruit-test.arff", ARFF.replace("1.5, green, 3, aa", "9, red, 8, zz"));
        TabularFile.TrainTest t = TabularFile.read(p, null, test, 0.3, 1);
        assertEquals(List.of("weight", "colour=red", "colour=green", "colour=blue", "sugar content"),
                t.featureNames());
        // Declared order, not sorted.
        assertEquals(List.of("zz", "aa"), t.train().classNames());
        assertArrayEquals(new long[] {5}, t.train().exampleShape());
        assertArrayEquals(new long[] {1, 0, 1}, t.train().labels());
        assertArrayEquals(new float[] {1.5f, 0, 1, 0, 3}, row(t.train(), 0));
        assertArrayEquals(new float[] {2.5f, 0, 0, 1, 4}, row(t.train(), 1));
        assertArrayEquals(new float[] {-1, 1, 0, 0, 0.5f}, row(t.train(), 2));
        assertArrayEquals(new float[] {9, 1, 0, 0, 8}, row(t.test(), 0));
        assertArrayEquals(new long[] {0, 0, 1}, t.test().labels());
    }

    @Test
    void arffLabelNamesAnotherNominalClass() throws IOException {
        Path p = write("fruit.arff", ARFF + "3, red, 1, zz\n");
        TabularFile.TrainTest t = TabularFile.read(p, "colour", null, 0.3, 1);
        assertEquals(List.of("weight", "sugar content", "kind=zz", "kind=aa"), t.featureNames());
        assertEquals(List.of("red", "green", "blue"), t.train().classNames());
        assertEquals(4, t.train().size() + t.test().size());
    }

    @Test
    void arffWithoutATestFileHoldsOutAStratifiedPart() throws IOException {
        StringBuilder sb = new StringBuilder("@relation r\n@attribute x numeric\n@attribute c {p, q}\n@data\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(i < 10 ? ",p\n" : ",q\n");
        }
        TabularFile.TrainTest t = TabularFile.read(write("r.arff", sb.toString()), null, null, 0.3, 5);
        // round(0.3 * 10) = 3 of each class.
        assertArrayEquals(new int[] {3, 3}, t.test().classCounts());
        assertArrayEquals(new int[] {7, 7}, t.train().classCounts());
    }

    @Test
    void arffNumericClassIsRegression() throws IOException {
        Path p = write("reg.arff", "@relation r\n@attribute x numeric\n@attribute y numeric\n@data\n1,2\n3,4\n");
        assertContains(error(p, null, null), "reg.arff", "'y' is numeric", "regression is not supported");
    }

    @Test
    void arffStringClassIsRefusedNamingItsType() throws IOException {
        Path p = write("str.arff", "@relation r\n@attribute x numeric\n@attribute y string\n@data\n1,a\n3,b\n");
        assertContains(error(p, null, null), "'y' is of type string", "must be nominal");
    }

    @Test
    void arffStringDateAndRelationalAttributesAreRefused() throws IOException {
        Path s = write("s.arff", "@relation r\n@attribute name string\n@attribute c {p,q}\n@data\nab,p\ncd,q\n");
        assertContains(error(s, null, null), "s.arff", "'name' is of type string", "not supported");
        Path d = write("d.arff", "@relation r\n@attribute when date yyyy-MM-dd\n@attribute c {p,q}\n@data\n"
                + "2020-01-01,p\n2021-01-01,q\n");
        assertContains(error(d, null, null), "d.arff", "'when' is of type date");
        Path rel = write("rel.arff", "@relation r\n@attribute bag relational\n@attribute v numeric\n@end bag\n"
                + "@attribute c {p,q}\n@data\n\"1\\n2\",p\n\"3\",q\n");
        assertContains(error(rel, null, null), "rel.arff", "'bag' is of type relational");
    }

    @Test
    void arffMissingValueNamesAttributeAndInstance() throws IOException {
        Path p = write("miss.arff", "@relation r\n@attribute x numeric\n@attribute c {p,q}\n@data\n1,p\n?,q\n");
        assertContains(error(p, null, null), "miss.arff", "'x' of instance 2", "missing");
        Path c = write("missc.arff", "@relation r\n@attribute x numeric\n@attribute c {p,q}\n@data\n1,p\n2,q\n3,?\n");
        assertContains(error(c, null, null), "'c' of instance 3");
    }

    @Test
    void arffUnknownLabelListsTheAttributes() throws IOException {
        Path p = write("fruit.arff", ARFF);
        assertContains(error(p, "size", null), "no attribute 'size'", "[weight, colour, sugar content, kind]");
    }

    @Test
    void arffTestWithOtherAttributesIsAnError() throws IOException {
        Path p = write("fruit.arff", ARFF);
        Path test = write("other.arff", ARFF.replace("{red, green, blue}", "{red, green, yellow}")
                .replace("blue,", "yellow,"));
        assertContains(error(p, null, test), "other.arff", "does not have the attributes", "fruit.arff");
        Path fewer = write("fewer.arff", "@relation r\n@attribute x numeric\n@attribute kind {zz, aa}\n@data\n1,aa\n");
        assertContains(error(p, null, fewer), "fewer.arff", "2 attributes", "4");
    }

    @Test
    void arffWithOneClassPresentOrNoDataIsAnError() throws IOException {
        Path one = write("one.arff", "@relation r\n@attribute x numeric\n@attribute c {p,q}\n@data\n1,p\n2,p\n");
        assertContains(error(one, null, null), "one.arff", "only one class", "'p'");
        Path none = write("none.arff", "@relation r\n@attribute x numeric\n@attribute c {p,q}\n@data\n");
        assertContains(error(none, null, null), "none.arff", "no instances");
    }

    @Test
    void aMalformedArffNamesTheFile() throws IOException {
        Path p = write("broken.arff", "@relation r\n@attribute x numeric\n@attribute c {p,q}\n@data\n1,p\n2,r\n");
        assertContains(error(p, null, null), "broken.arff", "not a readable ARFF file");
    }
}
