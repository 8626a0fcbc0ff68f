package org.temper.weka;

import org.temper.onnx.data.DenseDataset;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

import java.io.Serializable;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns Weka instances into the dense float rows a network reads. Every attribute except the class
 * becomes one or more columns, in attribute order:
 * <ul>
 * <li>a numeric attribute becomes one column holding its value; a missing value becomes the
 * training data's mean of the attribute;</li>
 * <li>a nominal attribute with m values becomes m one-hot columns; a missing value becomes all
 * zeros, so it adds nothing to the next layer.</li>
 * </ul>
 * The means are fitted once, on training data only, and stored with the model. Standardisation is
 * not done here but by the training recipe, inside the network's own graph.
 */
public final class InputEncoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int classIndex;
    private final int[] offsets;
    private final double[] means;
    private final int width;

    private InputEncoder(int classIndex, int[] offsets, double[] means, int width) {
        this.classIndex = classIndex;
        this.offsets = offsets;
        this.means = means;
        this.width = width;
    }

    /**
     * @param train training data with its class set; only numeric (not date) and nominal attributes besides
     *        the class
     * @return the encoder fitted on the data
     */
    public static InputEncoder fit(Instances train) {
        int n = train.numAttributes();
        int[] offsets = new int[n];
        double[] means = new double[n];
        int width = 0;
        for (int a = 0; a < n; a++) {
            offsets[a] = width;
            if (a == train.classIndex()) {
                continue;
            }
            Attribute att = train.attribute(a);
            if (att.isNominal()) {
                width += att.numValues();
            } else if (att.type() == Attribute.NUMERIC) {
                width += 1;
                double mean = train.meanOrMode(a);
                means[a] = Double.isFinite(mean) ? mean : 0;
            } else {
                throw new IllegalArgumentException("Attribute '" + att.name() + "' is "
                        + Attribute.typeToString(att) + "; only numeric and nominal inputs can be encoded");
            }
        }
        return new InputEncoder(train.classIndex(), offsets, means, width);
    }

    /** @return the number of columns of an encoded row. */
    public int width() {
        return width;
    }

    /**
     * @param instance an instance with the training data's attributes
     * @param row the destination, at least {@link #width()} long from offset
     * @param offset where the row starts
     */
    public void encode(Instance instance, float[] row, int offset) {
        java.util.Arrays.fill(row, offset, offset + width, 0f);
        for (int a = 0; a < offsets.length; a++) {
            if (a == classIndex) {
                continue;
            }
            Attribute att = instance.attribute(a);
            if (att.isNominal()) {
                if (!instance.isMissing(a)) {
                    row[offset + offsets[a] + (int) instance.value(a)] = 1f;
                }
            } else {
                double value = instance.isMissing(a) ? means[a] : instance.value(a);
                if (!Float.isFinite((float) value)) {
                    throw new IllegalArgumentException("Attribute '" + att.name() + "' has the value " + value
                            + ", outside the range of the network's 32-bit floats (about +-3.4e38): rescale the"
                            + " attribute (e.g. with weka.filters.unsupervised.attribute.Standardize or a log)");
                }
                row[offset + offsets[a]] = (float) value;
            }
        }
    }

    /**
     * @param data instances with the training data's attributes
     * @return their encoded rows in a direct buffer, row-major
     */
    public FloatBuffer encode(Instances data) {
        FloatBuffer out = DenseDataset.allocateDirect((long) data.numInstances() * width);
        float[] row = new float[width];
        for (Instance instance : data) {
            encode(instance, row, 0);
            out.put(row);
        }
        return out.flip();
    }

    /**
     * @param train instances with a nominal class, none missing
     * @return the encoded rows with their class indices and the class values as class names
     */
    public DenseDataset dataset(Instances train) {
        long[] labels = new long[train.numInstances()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (long) train.instance(i).classValue();
        }
        return new DenseDataset(encode(train), labels, new long[] {width}, classNames(train));
    }

    /**
     * @param data instances with a nominal class
     * @return the class attribute's values in index order
     */
    public static List<String> classNames(Instances data) {
        List<String> names = new ArrayList<>();
        Collections.list(data.classAttribute().enumerateValues()).forEach(v -> names.add(v.toString()));
        return names;
    }
}
