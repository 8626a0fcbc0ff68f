package org.temper.tribuo;

import org.temper.onnx.data.DenseDataset;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Tribuo's sparse examples into the engine's dense rows, once per data set: column j is the
 * feature whose id in the model's feature map is j, features missing from an example are zero and
 * features unknown to the map are ignored. Rows go straight into one direct buffer.
 */
final class DenseExamples {

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
        return new DenseDataset(features(dataset, dataset.size(), features, null), labels,
                new long[] {features.size()}, classNames(outputs));
    }

    /**
     * @param examples the examples, in order
     * @param count how many there are
     * @param features the feature map fixing the columns
     * @param used filled with the number of each example's features the map knows, or null
     * @return count rows of features.size() floats, row-major, in a direct buffer
     */
    static FloatBuffer features(Iterable<? extends Example<?>> examples, int count, ImmutableFeatureMap features,
                                int[] used) {
        int width = features.size();
        FloatBuffer rows = DenseDataset.allocateDirect((long) count * width);
        int row = 0;
        for (Example<?> example : examples) {
            for (Feature f : example) {
                int id = features.getID(f.getName());
                if (id >= 0) {
                    rows.put(row * width + id, (float) f.getValue());
                    if (used != null) {
                        used[row]++;
                    }
                }
            }
            row++;
        }
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
