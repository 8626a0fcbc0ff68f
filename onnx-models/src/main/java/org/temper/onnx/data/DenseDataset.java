package org.temper.onnx.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labelled data set of dense float examples held in one direct buffer, ready to be handed to
 * ONNX Runtime without copying. Immutable.
 */
public final class DenseDataset {

    private final FloatBuffer features;
    private final long[] labels;
    private final long[] exampleShape;
    private final int exampleSize;
    private final List<String> classNames;

    /**
     * @param features N * exampleSize values, row-major; copied into a direct buffer unless already direct
     * @param labels N class indices in [0, classNames.size())
     * @param exampleShape the shape of one example
     * @param classNames the class names, index = label
     */
    public DenseDataset(FloatBuffer features, long[] labels, long[] exampleShape, List<String> classNames) {
        this.exampleShape = exampleShape.clone();
        this.exampleSize = (int) Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b);
        this.classNames = List.copyOf(classNames);
        if (features.remaining() != (long) labels.length * exampleSize) {
            throw new IllegalArgumentException("Features hold " + features.remaining() + " values but "
                    + labels.length + " examples of shape " + Arrays.toString(exampleShape) + " need "
                    + (long) labels.length * exampleSize);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Label " + labels[i] + " of example " + i + " is outside [0, "
                        + classNames.size() + ")");
            }
        }
        this.features = features.isDirect() ? features.duplicate() : copyToDirect(features);
        this.labels = labels.clone();
    }

    /**
     * @param values row-major features
     * @param labels class indices
     * @param exampleShape the shape of one example
     * @param numClasses number of classes, named "0" to "K-1"
     * @return the data set
     */
    public static DenseDataset of(float[] values, long[] labels, long[] exampleShape, int numClasses) {
        return new DenseDataset(FloatBuffer.wrap(values), labels, exampleShape, defaultNames(numClasses));
    }

    /**
     * @param k number of classes
     * @return the names "0" .. "k-1"
     */
    public static List<String> defaultNames(int k) {
        String[] names = new String[k];
        for (int i = 0; i < k; i++) {
            names[i] = Integer.toString(i);
        }
        return List.of(names);
    }

    /**
     * @param count number of floats
     * @return a direct, native-order float buffer
     */
    public static FloatBuffer allocateDirect(long count) {
        return ByteBuffer.allocateDirect(Math.toIntExact(count * Float.BYTES)).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    private static FloatBuffer copyToDirect(FloatBuffer src) {
        FloatBuffer d = allocateDirect(src.remaining());
        d.put(src.duplicate()).flip();
        return d;
    }

    /** @return the number of examples. */
    public int size() {
        return labels.length;
    }

    /** @return the number of values per example. */
    public int exampleSize() {
        return exampleSize;
    }

    /** @return the shape of one example. */
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    /** @return the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** @return the class names, index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** @return a read-only view of all features, positioned at 0. */
    public FloatBuffer features() {
        return features.asReadOnlyBuffer();
    }

    /** @return a copy of the labels. */
    public long[] labels() {
        return labels.clone();
    }

    /**
     * @param i example index
     * @return its label
     */
    public long label(int i) {
        return labels[i];
    }

    /** @return the number of examples per class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (long l : labels) {
            counts[(int) l]++;
        }
        return counts;
    }

    /**
     * @param shape another shape of the same number of values per example, e.g. [784] for [1, 28, 28]
     * @return the same examples viewed with that shape (the buffer is shared)
     */
    public DenseDataset withExampleShape(long[] shape) {
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != exampleSize) {
            throw new IllegalArgumentException("Examples of shape " + Arrays.toString(exampleShape)
                    + " cannot be viewed as " + Arrays.toString(shape) + ": the sizes differ");
        }
        return new DenseDataset(features, labels, shape, classNames);
    }

    /**
     * The same examples with labels renumbered into another class list, matched by name (e.g. test
     * data read into the training data's classes, or data read into a model's classes).
     * @param classes the class names to use, index = label
     * @param what how to name this data in messages (e.g. "the test split")
     * @return the data set with those classes
     * @throws IllegalArgumentException naming every label that is not among the classes, with its count
     */
    public DenseDataset withClasses(List<String> classes, String what) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] counts = classCounts();
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && !index.containsKey(classNames.get(c))) {
                unknown.add("'" + classNames.get(c) + "' (" + counts[c] + (counts[c] == 1 ? " example)" : " examples)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + " has labels that are not classes of the model or the training"
                    + " data " + classes + ": " + String.join(", ", unknown)
                    + "; relabel them or train on data that has them");
        }
        long[] relabelled = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            relabelled[i] = index.get(classNames.get((int) labels[i]));
        }
        return new DenseDataset(features, relabelled, exampleShape, classes);
    }

    /**
     * @return the same examples with only the classes that occur in them, in their order, labels
     *         renumbered (a numbered class set "0".."K-1" with gaps keeps the names of the labels present)
     */
    public DenseDataset withPresentClasses() {
        int[] counts = classCounts();
        List<String> present = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                present.add(classNames.get(c));
            }
        }
        return present.size() == classNames.size() ? this : withClasses(present, "the data");
    }

    /**
     * @param indices example indices, in the order wanted
     * @return a new data set of those examples
     */
    public DenseDataset subset(int[] indices) {
        FloatBuffer out = allocateDirect((long) indices.length * exampleSize);
        long[] outLabels = new long[indices.length];
        float[] row = new float[exampleSize];
        for (int j = 0; j < indices.length; j++) {
            features.get(indices[j] * exampleSize, row);
            out.put(row);
            outLabels[j] = labels[indices[j]];
        }
        out.flip();
        return new DenseDataset(out, outLabels, exampleShape, classNames);
    }

    /**
     * @param count number of leading examples
     * @return the first count examples
     */
    public DenseDataset head(int count) {
        int[] idx = new int[Math.min(count, size())];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /**
     * Splits off a random validation part.
     * @param validationFraction fraction in (0, 1) of examples for validation
     * @param seed shuffling seed
     * @return [training part, validation part]
     */
    public DenseDataset[] split(double validationFraction, long seed) {
        int[][] parts = splitIndices(size(), validationFraction, seed);
        return new DenseDataset[] {subset(parts[0]), subset(parts[1])};
    }

    /**
     * The random split behind {@link #split}, for callers that must split other per-example data the same way.
     * @param n number of examples
     * @param validationFraction fraction in (0, 1) of examples for validation
     * @param seed shuffling seed
     * @return [training indices, validation indices]
     */
    public static int[][] splitIndices(int n, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("Validation fraction must be in (0, 1), got " + validationFraction);
        }
        int[] perm = permutation(n, new Random(seed));
        int nVal = (int) Math.round(n * validationFraction);
        if (nVal == 0 || nVal == n) {
            throw new IllegalArgumentException("A validation fraction of " + validationFraction + " of " + n
                    + " examples leaves one side empty");
        }
        return new int[][] {Arrays.copyOfRange(perm, nVal, n), Arrays.copyOfRange(perm, 0, nVal)};
    }

    /**
     * @param n size
     * @param random source
     * @return a uniformly random permutation of 0..n-1
     */
    public static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Checks the data can be trained on: not empty, at least two classes present, all values finite.
     * @throws IllegalArgumentException naming the problem and the first bad example
     */
    public void checkTrainable() {
        if (size() == 0) {
            throw new IllegalArgumentException("The training data is empty: give at least one example per class");
        }
        long present = Arrays.stream(classCounts()).filter(c -> c > 0).count();
        if (present < 2) {
            throw new IllegalArgumentException("The training data has only one class present (" + size()
                    + " examples of '" + classNames.get((int) labels[0]) + "'): a classifier needs at least two");
        }
        FloatBuffer f = features();
        for (int i = 0; i < f.limit(); i++) {
            if (!Float.isFinite(f.get(i))) {
                throw new IllegalArgumentException("Feature " + (i % exampleSize) + " of example " + (i / exampleSize)
                        + " is " + f.get(i) + ": replace NaN and infinite values (impute or drop the example)");
            }
        }
    }
}
