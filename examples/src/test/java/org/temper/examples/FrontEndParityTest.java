package org.temper.examples;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.temper.onnx.recipe.Recipe;
import org.temper.tribuo.LabelSmoothingTrainer;
import org.temper.tribuo.NetworkModel;
import org.temper.tribuo.NetworkSettings;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.LabelSmoothedNetwork;
import weka.core.Instances;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same CSV file through the three front ends at their defaults, on the same stratified 70/30
 * split (TabularFile's, seed 1): each reaches 90 % test accuracy; the CLI and Weka agree within a point and
 * Tribuo within two (its network sees the features in Tribuo's name order, so its weights start elsewhere).
 */
class FrontEndParityTest {

    private static final double FLOOR = 0.90;

    @ParameterizedTest
    @ValueSource(strings = {"wine", "breast-cancer"})
    void everyFrontEndReachesTheFloorAtItsDefaults(String name, @TempDir Path dir) throws Exception {
        Path csv = Path.of("../testdata/" + name + ".csv");
        int[][] parts = split(csv);

        TrainCommandTest.Run train = TrainCommandTest.run("train", "--data", csv.toString(), "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(0, train.code(), train.out() + train.err());
        Matcher m = Pattern.compile("Test accuracy ([0-9.]+)%").matcher(train.out());
        assertTrue(m.find(), train.out());
        double cli = Double.parseDouble(m.group(1)) / 100;

        double tribuo = tribuo(csv, parts);
        double weka = weka(csv, parts);
        System.out.printf(Locale.ROOT, "%s test accuracy: CLI %.4f, Tribuo %.4f, Weka %.4f%n", name, cli, tribuo, weka);
        for (double a : new double[] {cli, tribuo, weka}) {
            assertTrue(a >= FLOOR, name + ": CLI " + cli + ", Tribuo " + tribuo + ", Weka " + weka);
        }
        assertEquals(cli, weka, 0.01, "the CLI and Weka read the same columns in the same order");
        assertEquals(cli, tribuo, 0.02, "Tribuo orders its features by name, so its first weights differ");
    }

    /** @return TabularFile's training and test row numbers (0-based, file order), recomputed from the class column */
    private static int[][] split(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            values.add(line.substring(line.lastIndexOf(',') + 1));
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(values));
        long[] labels = values.stream().mapToLong(classes::indexOf).toArray();
        return TabularFile.stratifiedSplit(labels, classes.size(), 0.3, 1);
    }

    private static double tribuo(Path csv, int[][] parts) throws Exception {
        Dataset<Label> all = new MutableDataset<>(new CSVLoader<>(new LabelFactory()).loadDataSource(csv, "class"));
        MutableDataset<Label> train = subset(all, parts[0]);
        MutableDataset<Label> test = subset(all, parts[1]);
        NetworkModel model = new LabelSmoothingTrainer(Recipe.defaults().alpha(),
                org.temper.onnx.objective.LabelSmoothing.Variant.UNIFORM, new NetworkSettings(), 1).train(train);
        int correct = 0;
        for (Prediction<Label> p : model.predict(test)) {
            correct += p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel()) ? 1 : 0;
        }
        return (double) correct / test.size();
    }

    private static MutableDataset<Label> subset(Dataset<Label> all, int[] rows) {
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance("rows of " + all.getSourceDescription(),
                new LabelFactory()), new LabelFactory());
        for (int r : rows) {
            Example<Label> e = all.getExample(r);
            out.add(e);
        }
        return out;
    }

    private static double weka(Path csv, int[][] parts) throws Exception {
        weka.core.converters.CSVLoader loader = new weka.core.converters.CSVLoader();
        loader.setSource(csv.toFile());
        Instances all = loader.getDataSet();
        all.setClassIndex(all.numAttributes() - 1);
        Instances train = new Instances(all, parts[0].length);
        for (int r : parts[0]) {
            train.add(all.instance(r));
        }
        Instances test = new Instances(all, parts[1].length);
        for (int r : parts[1]) {
            test.add(all.instance(r));
        }
        LabelSmoothedNetwork network = new LabelSmoothedNetwork();
        network.buildClassifier(train);
        Evaluation e = new Evaluation(train);
        e.evaluateModel(network, test);
        return e.pctCorrect() / 100;
    }
}
