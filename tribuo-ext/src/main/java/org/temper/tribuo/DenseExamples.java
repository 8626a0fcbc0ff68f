package org.temper.tribuo;

import org.temper.onnx.data.DenseDataset;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns Tribuo's sparse examples into the engine's dense rows, once per data set: column j is the
 * feature whose id in the model's feature map is j, features missing from an example are zero and
 * features unknown to the map are ignored. Rows go straight into one direct buffer.
 */
final class DenseExamples {

    /** Examples per parallel task. */
    private static final int BLOCK = 1024;

    private DenseExamples() {
    }

    /**
     * @param dataset labelled examples
     * @return the dense data set, labels as ids of the data set's output domain, class names in id order
     */
    static DenseDataset of(Dataset<Label> dataset) {
        ImmutableFeatureMap features = dataset.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = dataset.getOutputIDInfo();
        long[] labels = new long[dataset.size()];
        int i = 0;
        for (Example<Label> example : dataset) {
            labels[i++] = outputs.getID(example.getOutput());
        }
        return new DenseDataset(features(dataset.getData(), columns(features), null), labels,
                new long[] {features.size()}, classNames(outputs));
    }

    /**
     * @param features a feature map
     * @return its name-to-id lookup as a plain hash map, several times faster to query than the feature map
     */
    static Map<String, Integer> columns(ImmutableFeatureMap features) {
        Map<String, Integer> columns = new HashMap<>();
        for (VariableInfo v : features) {
            columns.put(v.getName(), features.getID(v.getName()));
        }
        return columns;
    }

    /**
     * Fills the rows in parallel, a block of examples per task: the cost is one column lookup per
     * feature present, which dominates for large data sets.
     * @param examples the examples, in order
     * @param columns the feature names' columns, from {@link #columns}
     * @param used filled with the number of each example's features that have a column, or null
     * @return examples.size() rows of columns.size() floats, row-major, in a direct buffer
     */
    static FloatBuffer features(List<? extends Example<?>> examples, Map<String, Integer> columns, int[] used) {
        int width = columns.size();
        int count = examples.size();
        long values = (long) count * width;
        if (values > Integer.MAX_VALUE || values * Float.BYTES > Runtime.getRuntime().maxMemory()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d examples x %,d features make %,d dense"
                    + " values (%.1f GB), more than one buffer or this JVM's memory holds (%.1f GB, -Xmx): use fewer"
                    + " examples or features, or predict in smaller batches", count, width, values,
                    values * 4.0 / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
        }
        FloatBuffer rows = DenseDataset.allocateDirect(values);
        int blocks = (count + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            for (int row = b * BLOCK; row < Math.min(count, (b + 1) * BLOCK); row++) {
                int known = 0;
                for (Feature f : examples.get(row)) {
                    Integer id = columns.get(f.getName());
                    if (id != null) {
                        if (!Double.isFinite(f.getValue())) {
                            throw new IllegalArgumentException("Feature '" + f.getName() + "' of example " + row
                                    + " is " + f.getValue() + ": replace NaN and infinite values (impute them or"
                                    + " drop the example) before training or predicting");
                        }
                        rows.put(row * width + id, (float) f.getValue());
                        known++;
                    }
                }
                if (used != null) {
                    used[row] = known;
                }
            }
        });
        return rows;
    }

    /**
     * @param outputs a label domain
     * @return the label names in id order
     */
    static List<String> classNames(ImmutableOutputInfo<Label> outputs) {
        List<String> names = new ArrayList<>(outputs.size());
        for (int id = 0; id < outputs.size(); id++) {
            names.add(outputs.getOutput(id).getLabel());
        }
        return names;
    }
}
