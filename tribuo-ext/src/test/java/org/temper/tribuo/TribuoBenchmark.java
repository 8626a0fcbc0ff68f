package org.temper.tribuo;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.recipe.Recipe;
import org.temper.onnx.recipe.Training;
import org.temper.onnx.model.ModelFiles;
import org.temper.onnx.model.ModelSession;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.runtime.ExecutionSettings;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

import org.temper.onnx.model.TrainedNetwork;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;
import org.tribuo.provenance.ModelProvenance;

import java.nio.FloatBuffer;
import java.time.OffsetDateTime;
import java.util.Map;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures the Tribuo-side overhead of training and prediction on Fashion-MNIST: converting the
 * 60,000 training examples to dense rows against one training epoch of an MLP (batch
 * 128), and predicting the 10,000 test examples through {@link NetworkModel#predict} against the
 * bare ONNX Runtime logits of the same rows. Run as documented in BENCHMARKS.md;
 * arguments: [IDX directory] [runs] [hidden sizes, e.g. 1200,1200; default 256].
 */
public final class TribuoBenchmark {

    private TribuoBenchmark() {
    }

    /**
     * @param args the Fashion-MNIST IDX directory (/usr/share/datasets/fashion-mnist) and runs per figure (3)
     * @throws Exception when data cannot be read or ONNX Runtime fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MutableDataset<Label> train = load(dir, "train");
        MutableDataset<Label> test = load(dir, "t10k");
        int[] hidden = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {256};
        NetworkSettings settings = new NetworkSettings().hiddenSizes(hidden).epochs(2, 128);

        double convert = best(runs, () -> DenseExamples.of(train));
        DenseDataset dense = DenseExamples.of(train);
        System.out.printf(Locale.ROOT, "training examples %d, features %d%n", dense.size(), dense.exampleSize());
        System.out.printf(Locale.ROOT, "conversion to dense rows:  %.3f s%n", convert);

        // prediction time does not depend on the weights: the initial network stands in for a trained one
        Network network = Mlp.create(dense.exampleShape(), hidden, dense.numClasses(), 0, Initializer.HE_NORMAL, null, 1);
        List<TensorData> initial = network.parameters().stream().map(Parameter::initial).toList();
        byte[] onnx = new TrainedNetwork(network, initial, dense.classNames(), Map.of()).toOnnx().toByteArray();
        ModelProvenance provenance = new ModelProvenance(NetworkModel.class.getName(), OffsetDateTime.now(),
                train.getProvenance(), LabelSmoothingTrainer.hardTargets(settings, 1).getProvenance());
        NetworkModel model = new NetworkModel("benchmark", provenance, train.getFeatureIDMap(), train.getOutputIDInfo(),
                onnx);
        model.predict(test);
        double predict = best(runs, () -> model.predict(test));
        FloatBuffer rows = DenseExamples.features(test.getData(), DenseExamples.columns(model.getFeatureIDMap()), null);
        double bare;
        try (ModelSession p = ModelFiles.parse(onnx, "benchmark").session(ExecutionSettings.DEFAULT)) {
            p.probabilities(rows, test.size());
            bare = best(runs, () -> p.probabilities(rows, test.size()));
        }
        model.close();
        System.out.printf(Locale.ROOT, "predict 10,000 (Tribuo):   %.3f s%n", predict);
        System.out.printf(Locale.ROOT, "bare ONNX Runtime probabilities: %.3f s%n", bare);
        System.out.printf(Locale.ROOT, "prediction wrapping:       %.3f s%n", predict - bare);

        FitResult fit = new Training(Recipe.builder().hidden(hidden).epochs(2).batchSize(128)
                .objective(Recipe.ObjectiveKind.HARD_TARGETS).build(), List.of()).run(dense, null);
        double epoch = fit.history().stream().mapToDouble(EpochReport::seconds).min().orElseThrow();
        System.out.printf(Locale.ROOT, "one training epoch:        %.3f s (best of %d)%n", epoch, fit.history().size());
        System.out.printf(Locale.ROOT, "conversion / epoch:        %.1f %%%n", 100 * convert / epoch);
        System.out.printf(Locale.ROOT, "wrapping / epoch:          %.1f %%%n", 100 * (predict - bare) / epoch);
    }

    private static MutableDataset<Label> load(Path dir, String prefix) throws Exception {
        IDXDataSource<Label> source = new IDXDataSource<>(dir.resolve(prefix + "-images-idx3-ubyte.gz"),
                dir.resolve(prefix + "-labels-idx1-ubyte.gz"), new LabelFactory());
        MutableDataset<Label> data = new MutableDataset<>(source);
        data.transform(data.createTransformers(new org.tribuo.transform.TransformationMap(
                List.of(new org.tribuo.transform.transformations.LinearScalingTransformation(0, 1)))));
        return data;
    }

    /** A piece of work that may throw. */
    private interface Work {
        void run() throws Exception;
    }

    private static double best(int runs, Work work) throws Exception {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
