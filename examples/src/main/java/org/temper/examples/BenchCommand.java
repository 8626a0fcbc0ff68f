package org.temper.examples;

import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code temper bench}: seconds per training epoch of the 784-1200-1200-10 MLP on Fashion-MNIST
 * for each batch size and thread count, against the floor set by its matrix work at the peak
 * GEMM rate that ONNX Runtime reaches on this machine with the same threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark training epochs against the machine's measured matrix-multiply peak.")
final class BenchCommand implements Callable<Integer> {

    private static final int[] HIDDEN = {1200, 1200};

    @Option(names = "--batch", defaultValue = "128,512", split = ",", description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    int[] batches;

    @Option(names = "--threads", defaultValue = "1,2", split = ",", description = "Thread counts. Default: ${DEFAULT-VALUE}.")
    int[] threads;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs timed per setting; the first is a warm-up. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda[:N]. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws Exception {
        if (epochs < 2) {
            throw new IllegalArgumentException("--epochs must be at least 2 (one warm-up, one timed)");
        }
        DenseDataset train = IdxDirectory.fashionMnist().train();
        double flopsPerEpoch = epochFlops(train.exampleSize(), train.numClasses()) * train.size();
        System.out.printf(Locale.ROOT, "MLP %d-1200-1200-%d, %d examples, %.1f GFLOP of matrix work per epoch%n",
                train.exampleSize(), train.numClasses(), train.size(), flopsPerEpoch / 1e9);
        System.out.println("| batch | threads | s/epoch (median) | GFLOP/s | peak GEMM GFLOP/s | floor s | ratio to floor |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int t : threads) {
            ExecutionSettings settings = new ExecutionSettings(Device.parse(device), t);
            double peakBefore = peakGemmFlops(settings);
            double[] seconds = new double[batches.length];
            for (int i = 0; i < batches.length; i++) {
                seconds[i] = medianEpochSeconds(train, batches[i], settings);
            }
            // the probe runs before and after the epochs: this machine's speed drifts, and the floor uses the best
            double peak = Math.max(peakBefore, peakGemmFlops(settings));
            for (int i = 0; i < batches.length; i++) {
                int b = batches[i];
                double floor = flopsPerEpoch / peak;
                System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.1f | %.1f | %.2f | %.2f |%n", b, t, seconds[i],
                        flopsPerEpoch / seconds[i] / 1e9, peak / 1e9, floor, seconds[i] / floor);
            }
        }
        return 0;
    }

    /**
     * Matrix work of one example: forward products, weight gradients of every layer and input
     * gradients of every layer but the first (the data needs none).
     */
    static double epochFlops(int inputs, int classes) {
        long[] widths = {inputs, HIDDEN[0], HIDDEN[1], classes};
        double forward = 0;
        double inputGrads = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            double macs = (double) widths[l] * widths[l + 1];
            forward += 2 * macs;
            if (l > 0) {
                inputGrads += 2 * macs;
            }
        }
        return 2 * forward + inputGrads;
    }

    private double medianEpochSeconds(DenseDataset train, int batch, ExecutionSettings settings) throws Exception {
        TrainingConfig config = new TrainingConfig(LabelSmoothing.uniform(0.1), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(0.01), null, epochs, batch, 0, 0, null, settings, 1L, 0);
        Mlp net = Mlp.create(train.exampleShape(), HIDDEN, train.numClasses(), 0, Initializer.HE_NORMAL, null, 1);
        List<EpochReport> history = new Fitter(config, List.of()).fit(net, train, null, null).history();
        double[] timed = history.stream().skip(1).mapToDouble(EpochReport::seconds).sorted().toArray();
        return timed[timed.length / 2];
    }

    /** The rate of a 1024 x 1200 x 1200 Gemm, the largest product of the network, best of 20 runs. */
    private static double peakGemmFlops(ExecutionSettings settings) throws Exception {
        int m = 1024;
        int k = 1200;
        int n = 1200;
        GraphBuilder g = new GraphBuilder();
        Value a = g.input("a", DType.FLOAT, Shape.of(m, k));
        Value b = g.input("b", DType.FLOAT, Shape.of(n, k));
        g.output(g.gemm(a, b, null, false, true), "c");
        Random r = new Random(1);
        float[] av = new float[m * k];
        float[] bv = new float[n * k];
        for (int i = 0; i < av.length; i++) {
            av[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < bv.length; i++) {
            bv[i] = (float) r.nextGaussian();
        }
        Map<String, TensorData> in = Map.of("a", TensorData.ofFloats(av, m, k), "b", TensorData.ofFloats(bv, n, k));
        try (GraphSession s = new GraphSession(g.build("peak"), settings)) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 22; i++) {
                long t0 = System.nanoTime();
                s.run(in);
                times.add((System.nanoTime() - t0) / 1e9);
            }
            double best = times.stream().skip(2).mapToDouble(Double::doubleValue).min().orElseThrow();
            return 2.0 * m * k * n / best;
        }
    }
}
