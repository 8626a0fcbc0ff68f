package org.temper.weka.it;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.Range;
import weka.core.Utils;
import weka.core.WekaPackageManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.experiment.ClassifierSplitEvaluator;
import weka.experiment.Experiment;
import weka.experiment.InstancesResultListener;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.PropertyNode;
import weka.experiment.RandomSplitResultProducer;
import weka.experiment.ResultMatrixPlainText;

import javax.swing.DefaultListModel;
import java.beans.PropertyDescriptor;
import java.io.File;

/**
 * Runs a Weka Experiment as the Experimenter's simple setup builds one: repeated 66 % random
 * splits of one data set, a list of classifiers iterated as the split evaluator's classifier,
 * results to an ARFF file; then the corrected paired t-test on the ECE column, printed as the
 * Experimenter's Analyse tab prints it.
 */
public final class ExperimentProbe {

    private ExperimentProbe() {
    }

    /**
     * @param args data ARFF (class last), result ARFF, runs, then each classifier as "class options"
     * @throws Exception when the experiment or the analysis fails
     */
    public static void main(String[] args) throws Exception {
        WekaPackageManager.loadPackages(false);
        Classifier[] classifiers = new Classifier[args.length - 3];
        for (int i = 0; i < classifiers.length; i++) {
            String[] spec = Utils.splitOptions(args[i + 3]);
            classifiers[i] = AbstractClassifier.forName(spec[0], java.util.Arrays.copyOfRange(spec, 1, spec.length));
        }
        ClassifierSplitEvaluator evaluator = new ClassifierSplitEvaluator();
        evaluator.setClassifier(classifiers[0]);
        RandomSplitResultProducer split = new RandomSplitResultProducer();
        split.setTrainPercent(66);
        split.setSplitEvaluator(evaluator);
        InstancesResultListener listener = new InstancesResultListener();
        listener.setOutputFile(new File(args[1]));
        DefaultListModel<File> datasets = new DefaultListModel<>();
        datasets.addElement(new File(args[0]));

        Experiment experiment = new Experiment();
        experiment.setResultProducer(split);
        experiment.setResultListener(listener);
        experiment.setDatasets(datasets);
        experiment.setRunLower(1);
        experiment.setRunUpper(Integer.parseInt(args[2]));
        experiment.setPropertyPath(new PropertyNode[] {
            new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
                    RandomSplitResultProducer.class),
            new PropertyNode(classifiers[0], new PropertyDescriptor("classifier", ClassifierSplitEvaluator.class),
                    ClassifierSplitEvaluator.class)});
        experiment.setPropertyArray(classifiers);
        experiment.setUsePropertyIterator(true);
        experiment.initialize();
        experiment.runExperiment();
        experiment.postProcess();

        Instances results = DataSource.read(args[1]);
        System.out.println("result rows: " + results.numInstances());
        System.out.println(eceComparison(results));
        System.exit(0);
    }

    /** The Analyse tab's test: corrected paired t-test of the ECE column, the first classifier as the base. */
    private static String eceComparison(Instances results) throws Exception {
        PairedCorrectedTTester tester = new PairedCorrectedTTester();
        tester.setInstances(results);
        tester.setDatasetKeyColumns(new Range(column(results, "Key_Dataset")));
        tester.setRunColumn(results.attribute("Key_Run").index());
        tester.setResultsetKeyColumns(new Range(column(results, "Key_Scheme") + ","
                + column(results, "Key_Scheme_options") + "," + column(results, "Key_Scheme_version_ID")));
        tester.setSignificanceLevel(0.05);
        tester.setResultMatrix(new ResultMatrixPlainText());
        return tester.multiResultsetFull(0, results.attribute("ECE").index());
    }

    private static String column(Instances results, String name) {
        return String.valueOf(results.attribute(name).index() + 1);
    }
}
