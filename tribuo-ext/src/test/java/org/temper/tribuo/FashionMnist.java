package org.temper.tribuo;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.impl.ArrayExample;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small slices of Fashion-MNIST's test file, read once through Tribuo's IDXDataSource with pixels
 * scaled from [0, 255] to [0, 1], for fast tests.
 */
final class FashionMnist {

    /** Where the IDX files are. */
    static final Path DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    private static List<Example<Label>> examples;

    private FashionMnist() {
    }

    /**
     * @param from first example of the t10k file
     * @param count number of examples
     * @return a fresh MutableDataset of them (its feature map holds only pixels that are non-zero somewhere in it)
     */
    static MutableDataset<Label> slice(int from, int count) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("fashion-mnist t10k [" + from + ", " + (from + count) + ")", factory),
                factory);
        data.addAll(all().subList(from, from + count));
        return data;
    }

    /** @return the first 2000 test images, the usual training slice of these tests */
    static MutableDataset<Label> train() {
        return slice(0, 2000);
    }

    /** @return 1000 later test images, disjoint from {@link #train()} */
    static MutableDataset<Label> test() {
        return slice(8000, 1000);
    }

    private static synchronized List<Example<Label>> all() {
        if (examples == null) {
            try {
                IDXDataSource<Label> source = new IDXDataSource<>(DIRECTORY.resolve("t10k-images-idx3-ubyte.gz"),
                        DIRECTORY.resolve("t10k-labels-idx1-ubyte.gz"), new LabelFactory());
                examples = new ArrayList<>();
                for (Example<Label> e : source) {
                    String[] names = new String[e.size()];
                    double[] values = new double[e.size()];
                    int i = 0;
                    for (Feature f : e) {
                        names[i] = f.getName();
                        values[i++] = f.getValue() / 255;
                    }
                    examples.add(new ArrayExample<>(e.getOutput(), names, values));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return examples;
    }
}
