package weka.classifiers.meta;

import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.CalibrationMap;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.weka.CommandLineRun;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.RandomizableSingleClassifierEnhancer;
import weka.classifiers.bayes.NaiveBayes;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Utils;
import weka.core.WekaException;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;

/**
 * Recalibrates the class probabilities of any Weka classifier (Platt scaling, isotonic regression,
 * histogram binning or temperature scaling), fitted on data the classifier did not learn from: by
 * cross-fitting (k stratified folds, one copy of the classifier per fold, calibrated on that fold,
 * predictions averaged over the k) or on a stratified held-out fraction. The base classifier's
 * probabilities p become logits log p (a zero as log Double.MIN_NORMAL) before the method, as in
 * Temper's Tribuo CalibratedModel. The model stores each copy with the held-out probabilities and
 * labels its map was fitted on, and refits the maps when it is read back (every fit is deterministic).
 */
public class CalibratedClassifier extends RandomizableSingleClassifierEnhancer {

    private static final long serialVersionUID = 1L;

    private static final int DEFAULT_FOLDS = 5;
    private static final int DEFAULT_BINS = 15;
    private static final String METHODS = java.util.Arrays.stream(CalibrationMethod.values())
            .map(CalibrationMethod::key).collect(java.util.stream.Collectors.joining("|"));

    private CalibrationMethod method = CalibrationMethod.PLATT;
    private int folds = DEFAULT_FOLDS;
    private double holdout = 0;
    private int bins = DEFAULT_BINS;

    /** The trained copies of the base classifier: one per fold, or one with a holdout. */
    private List<Classifier> members;
    /** Per member, the held-out probabilities (N*K, row-major) its map was fitted on. */
    private List<double[]> heldOutProbabilities;
    /** Per member, the held-out class indices. */
    private List<int[]> heldOutLabels;
    private int classes;
    private transient List<CalibrationMap> maps;

    /** Calibrates NaiveBayes by Platt scaling, cross-fitted over 5 folds, unless told otherwise. */
    public CalibratedClassifier() {
        m_Classifier = new NaiveBayes();
    }

    @Override
    protected String defaultClassifierString() {
        return NaiveBayes.class.getName();
    }

    /** @return the description shown by the GUI and the command line's help */
    public String globalInfo() {
        return "Recalibrates the class probabilities of any classifier, so that its confidence matches its accuracy:"
                + " Platt scaling (one sigmoid per class on the log-odds, one-vs-rest, rows renormalised), isotonic"
                + " regression (pool adjacent violators per class), histogram binning (equal-mass bins per class) or"
                + " temperature scaling (softmax(log p / T)). The method is fitted on data the classifier did not"
                + " learn from: with -holdout 0 by cross-fitting (the data is cut into k stratified folds; for each,"
                + " a copy of the classifier is trained on the other k - 1 and calibrated on that fold, and"
                + " predictions are the mean of the k calibrated distributions, as scikit-learn's"
                + " CalibratedClassifierCV), else on a stratified held-out fraction, the classifier being trained on"
                + " the rest. The classifier must give probability estimates (SMO needs -M). Temperature scaling"
                + " never changes the predicted class; the other methods may.";
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAllClasses();
        result.disableAllClassDependencies();
        if (m_Classifier.getCapabilities().handles(Capability.NOMINAL_CLASS)) {
            result.enable(Capability.NOMINAL_CLASS);
            result.enable(Capability.MISSING_CLASS_VALUES);
        }
        result.setMinimumNumberInstances(2);
        return result;
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        checkSettings();
        getCapabilities().testWithFail(data);
        Instances train = new Instances(data);
        train.deleteWithMissingClass();
        classes = train.numClasses();
        Random random = new Random(m_Seed);
        train.randomize(random);
        List<Instances[]> parts = new ArrayList<>();
        if (holdout > 0) {
            parts.add(holdout(train));
        } else {
            train.stratify(folds);
            for (int f = 0; f < folds; f++) {
                parts.add(new Instances[] {train.trainCV(folds, f, random), train.testCV(folds, f)});
            }
        }
        List<int[]> labels = new ArrayList<>();
        for (int f = 0; f < parts.size(); f++) {
            labels.add(labels(parts.get(f)[1]));
            checkPart(labels.get(f), f, train);
        }
        members = new ArrayList<>();
        heldOutProbabilities = new ArrayList<>();
        heldOutLabels = labels;
        for (Instances[] part : parts) {
            Classifier copy = AbstractClassifier.makeCopy(m_Classifier);
            copy.buildClassifier(part[0]);
            double[] p = probabilities(copy, part[1]);
            checkProbabilities(p, part[1].numInstances());
            members.add(copy);
            heldOutProbabilities.add(p);
        }
        try {
            maps = fitMaps();
        } catch (IllegalArgumentException | IllegalStateException e) {
            members = null;
            throw new WekaException("-method " + method.key() + " could not be fitted, so CalibratedClassifier was not"
                    + " built: " + e.getMessage() + classNames(train), e);
        }
    }

    private void checkSettings() throws WekaException {
        if (!(holdout >= 0 && holdout < 1)) {
            throw new WekaException("-holdout must be in (0, 1) to hold out that fraction for calibration, or 0 to"
                    + " cross-fit; got " + holdout);
        }
        if (holdout == 0 && folds < 2) {
            throw new WekaException("-folds must be at least 2 for cross-fitting, got " + folds + ": give -folds 2 or"
                    + " more, or -holdout with a fraction in (0, 1)");
        }
        if (bins < 1) {
            throw new WekaException("-bins must be at least 1, got " + bins);
        }
    }

    /** @return {training part, held-out part}: round(holdout n_c) of each class's n_c instances, at least 1 */
    private Instances[] holdout(Instances data) throws WekaException {
        int[] counts = new int[data.numClasses()];
        for (Instance inst : data) {
            counts[(int) inst.classValue()]++;
        }
        int[] held = new int[counts.length];
        Instances rest = new Instances(data, 0);
        Instances out = new Instances(data, 0);
        for (Instance inst : data) {
            int c = (int) inst.classValue();
            if (held[c] < Math.max(1, Math.round(holdout * counts[c])) && held[c] < counts[c] - 1) {
                held[c]++;
                out.add(inst);
            } else {
                rest.add(inst);
            }
        }
        return new Instances[] {rest, out};
    }

    private static int[] labels(Instances data) {
        int[] labels = new int[data.numInstances()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) data.instance(i).classValue();
        }
        return labels;
    }

    /**
     * Makes the method's checks of the held-out labels before any copy of the base classifier is trained.
     * @throws WekaException naming the part, the method and the classes unless the method can be fitted on it
     */
    private void checkPart(int[] labels, int part, Instances data) throws WekaException {
        try {
            method.calibrator(bins).checkLabels(labels, classes);
        } catch (IllegalArgumentException e) {
            throw new WekaException("The held-out " + (holdout > 0 ? "fraction" : "part of fold " + (part + 1))
                    + " (" + labels.length + " instances) cannot fit -method " + method.key() + ": " + e.getMessage()
                    + classNames(data) + "; give more data, fewer -folds or a larger -holdout", e);
        }
    }

    /** @return " (classes 0 to K-1: name, ...)", for messages that give class indices */
    private static String classNames(Instances data) {
        return java.util.stream.IntStream.range(0, data.numClasses()).mapToObj(data.classAttribute()::value)
                .collect(java.util.stream.Collectors.joining(", ", " (classes 0 to " + (data.numClasses() - 1) + ": ",
                        ")"));
    }

    private static double[] probabilities(Classifier classifier, Instances data) throws Exception {
        int k = data.numClasses();
        double[] flat = new double[data.numInstances() * k];
        for (int i = 0; i < data.numInstances(); i++) {
            System.arraycopy(classifier.distributionForInstance(data.instance(i)), 0, flat, i * k, k);
        }
        return flat;
    }

    /** @throws WekaException when every held-out distribution puts all its mass on one class */
    private void checkProbabilities(double[] p, int n) throws WekaException {
        for (double v : p) {
            if (v > 0 && v < 1) {
                return;
            }
        }
        throw new WekaException(m_Classifier.getClass().getSimpleName() + " gave a 0/1 distribution for every one"
                + " of the " + n + " held-out instances: it gives no probability estimates to calibrate; choose a"
                + " classifier that does, or switch its estimates on (for SMO, -M; for J48, -A: Laplace"
                + " smoothing at the leaves)");
    }

    private List<CalibrationMap> fitMaps() {
        List<CalibrationMap> fitted = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            fitted.add(method.calibrator(bins).fit(asLogits(heldOutProbabilities.get(m), heldOutLabels.get(m))));
        }
        return Collections.unmodifiableList(fitted);
    }

    private Predictions asLogits(double[] probabilities, int[] labels) {
        return Predictions.fromProbabilities(probabilities, labels, classes).logitsFromLogProbabilities();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        maps = members == null ? null : fitMaps();
    }

    @Override
    public double[] distributionForInstance(Instance instance) throws Exception {
        if (members == null) {
            throw new WekaException("CalibratedClassifier has not been built: call buildClassifier first");
        }
        double[] mean = new double[classes];
        for (int m = 0; m < members.size(); m++) {
            double[] q = maps.get(m).probabilities(asLogits(members.get(m).distributionForInstance(instance),
                    new int[1]));
            for (int c = 0; c < classes; c++) {
                mean[c] += q[c] / members.size();
            }
        }
        return mean;
    }

    /** @return the fitted maps, one per trained copy of the base classifier (empty before building) */
    public List<CalibrationMap> calibrationMaps() {
        return maps == null ? List.of() : maps;
    }

    @Override
    public String toString() {
        if (members == null) {
            return "CalibratedClassifier: not built yet";
        }
        StringBuilder s = new StringBuilder("CalibratedClassifier: ").append(getClassifierSpec()).append(", ")
                .append(method.key()).append(holdout > 0 ? ", fitted on a held-out fraction " + holdout
                        : ", cross-fitted over " + folds + " folds").append("\n\n");
        for (int m = 0; m < members.size(); m++) {
            s.append("Calibration ").append(m + 1).append(": ").append(maps.get(m).describe()).append('\n');
        }
        return s.append("\nBase classifier (the first of ").append(members.size()).append("):\n\n")
                .append(members.get(0)).toString();
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\tThe recalibration method: " + METHODS.replace("|", ", ") + ".\n"
                + "\t(default platt)", "method", 1, "-method <" + METHODS + ">"));
        options.add(new Option("\tCross-fitting folds k >= 2, used when -holdout is 0.\n\t(default " + DEFAULT_FOLDS
                + ")", "folds", 1, "-folds <k>"));
        options.add(new Option("\tThe fraction in (0, 1) held out to calibrate one classifier; 0 to cross-fit.\n"
                + "\t(default 0)", "holdout", 1, "-holdout <fraction>"));
        options.add(new Option("\tEqual-mass bins of histogram binning.\n\t(default " + DEFAULT_BINS + ")", "bins",
                1, "-bins <B>"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String m = Utils.getOption("method", options);
        setMethod(m.isEmpty() ? CalibrationMethod.PLATT.key() : m);
        String f = Utils.getOption("folds", options);
        setFolds(f.isEmpty() ? DEFAULT_FOLDS : Integer.parseInt(f));
        String h = Utils.getOption("holdout", options);
        setHoldout(h.isEmpty() ? 0 : Double.parseDouble(h));
        String b = Utils.getOption("bins", options);
        setBins(b.isEmpty() ? DEFAULT_BINS : Integer.parseInt(b));
        super.setOptions(options);
        Utils.checkForRemainingOptions(options);
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(List.of("-method", getMethod(), "-folds", Integer.toString(folds),
                "-holdout", Double.toString(holdout), "-bins", Integer.toString(bins)));
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    /** @return the tip text of the method option */
    public String methodTipText() {
        return "The recalibration method: " + METHODS.replace("|", ", ") + ".";
    }

    /** @return the method's name */
    public String getMethod() {
        return method.key();
    }

    /**
     * @param name platt, isotonic, histogram or temperature
     * @throws IllegalArgumentException naming the known methods otherwise
     */
    public void setMethod(String name) {
        method = CalibrationMethod.named(name);
    }

    /** @return the tip text of the folds option */
    public String foldsTipText() {
        return "Cross-fitting folds k >= 2 (each fold calibrates a copy of the classifier trained on the others);"
                + " used when the holdout is 0.";
    }

    /** @return k */
    public int getFolds() {
        return folds;
    }

    /** @param folds k &gt;= 2, checked when building */
    public void setFolds(int folds) {
        this.folds = folds;
    }

    /** @return the tip text of the holdout option */
    public String holdoutTipText() {
        return "0 to cross-fit; else the fraction in (0, 1) of the training data held out (stratified) to calibrate"
                + " one classifier trained on the rest.";
    }

    /** @return the held-out fraction, 0 for cross-fitting */
    public double getHoldout() {
        return holdout;
    }

    /** @param holdout a fraction in (0, 1), or 0 to cross-fit; checked when building */
    public void setHoldout(double holdout) {
        this.holdout = holdout;
    }

    /** @return the tip text of the bins option */
    public String binsTipText() {
        return "Equal-mass bins of histogram binning (at least 1; the other methods have none).";
    }

    /** @return B */
    public int getBins() {
        return bins;
    }

    /** @param bins B &gt;= 1, checked when building */
    public void setBins(int bins) {
        this.bins = bins;
    }

    /**
     * Runs the classifier from the command line.
     * @param args Weka's evaluation options and the classifier's
     */
    public static void main(String[] args) {
        CommandLineRun.evaluate(new CalibratedClassifier(), args);
    }
}
