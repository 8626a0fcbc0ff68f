package org.temper.weka;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SparseInstance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;

/**
 * Writes Fashion-MNIST (IDX files) as sparse ARFF for Weka: 784 numeric pixel attributes scaled to
 * [0, 1] (as Temper's IDX reader scales them, so ONNX models trained by {@code temper train} read
 * the same values) and the nominal class with the ten clothing names.
 * <pre>
 * java -cp "weka.jar:temper-weka.jar:lib/*" org.temper.weka.FashionMnistArff OUT_FOLDER [MAX_INSTANCES] [IDX_FOLDER]
 * </pre>
 * writes OUT_FOLDER/fashion-mnist-train.arff and OUT_FOLDER/fashion-mnist-test.arff, each cut to the
 * first MAX_INSTANCES instances when given; IDX_FOLDER defaults to Debian's /usr/share/datasets/fashion-mnist.
 */
public final class FashionMnistArff {

    private FashionMnistArff() {
    }

    /**
     * @param args output folder, optional instance limit, optional IDX folder
     * @throws IOException when the IDX files cannot be read or the ARFF files written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("Usage: FashionMnistArff OUT_FOLDER [MAX_INSTANCES] [IDX_FOLDER]");
            System.exit(2);
        }
        Path out = Paths.get(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        IdxDirectory idx = args.length > 2 ? new IdxDirectory(Paths.get(args[2]), IdxDirectory.FASHION_MNIST_CLASSES)
                : IdxDirectory.fashionMnist();
        Files.createDirectories(out);
        write(idx.train().head(limit), "fashion-mnist-train", out.resolve("fashion-mnist-train.arff"));
        write(idx.test().head(limit), "fashion-mnist-test", out.resolve("fashion-mnist-test.arff"));
    }

    /**
     * @param data images as rows of pixels in [0, 1], with class names
     * @param relation the ARFF relation name
     * @param file the ARFF file to write
     * @throws IOException when it cannot be written
     */
    public static void write(DenseDataset data, String relation, Path file) throws IOException {
        Instances header = header(data, relation);
        int width = data.exampleSize();
        FloatBuffer features = data.features();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(header.toString());
            w.newLine();
            double[] values = new double[width + 1];
            for (int i = 0; i < data.size(); i++) {
                for (int j = 0; j < width; j++) {
                    values[j] = features.get(i * width + j);
                }
                values[width] = data.label(i);
                SparseInstance row = new SparseInstance(1, values);
                row.setDataset(header);
                w.write(row.toString());
                w.newLine();
            }
        }
    }

    private static Instances header(DenseDataset data, String relation) {
        ArrayList<Attribute> atts = new ArrayList<>();
        for (int j = 0; j < data.exampleSize(); j++) {
            atts.add(new Attribute("pixel" + (j + 1)));
        }
        atts.add(new Attribute("class", new ArrayList<>(data.classNames())));
        Instances header = new Instances(relation, atts, 0);
        header.setClassIndex(atts.size() - 1);
        return header;
    }
}
