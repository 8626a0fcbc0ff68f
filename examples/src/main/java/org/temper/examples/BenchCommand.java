package org.temper.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.temper.onnx.data.DenseDataset;
import org.temper.onnx.data.IdxDirectory;
import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.Fitter;
import org.temper.onnx.fit.TrainingConfig;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;
import org.temper.onnx.objective.LabelSmoothing;
import org.temper.onnx.optim.LearningRateSchedule;
import org.temper.onnx.optim.Sgd;
import org.temper.onnx.runtime.Device;
import org.temper.onnx.runtime.ExecutionSettings;
import org.temper.onnx.runtime.GraphSession;
import org.temper.onnx.runtime.OrtRuntime;
import org.temper.onnx.zoo.Initializer;
import org.temper.onnx.zoo.Mlp;
import org.temper.onnx.zoo.MuellerAlexNet;
import org.temper.onnx.zoo.Network;
import org.temper.onnx.zoo.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code temper bench}: seconds per training epoch of the 784-1200-1200-10 MLP on Fashion-MNIST,
 * or of the two-convolution AlexNet on random 3x24x24 images, for each batch size, dropout and
 * thread count; on the CPU against the floor set by the matrix work at the peak GEMM rate that ONNX
 * Runtime reaches on this machine with the same threads. {@code --json} writes every figure,
 * {@code --profile} ONNX Runtime's profile of each training session.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark training epochs against the machine's measured matrix-multiply peak.")
final class BenchCommand implements Callable<Integer> {

    private static final int[] HIDDEN = {1200, 1200};

    /** The networks timed. */
    enum Net {
        /** 784-1200-1200-10 on Fashion-MNIST. */
        MLP,
        /** The two-convolution AlexNet on random 3x24x24 images of 10 classes. */
        ALEXNET
    }

    @Option(names = "--net", defaultValue = "mlp", description = "mlp (784-1200-1200-10 on --data) or alexnet"
            + " (two convolutions, --examples random 3x24x24 images). Default: ${DEFAULT-VALUE}.")
    Net net;

    @Option(names = "--batch", defaultValue = "128,512", split = ",", description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    int[] batches;

    @Option(names = "--dropout", defaultValue = "0", split = ",",
            description = "Dropout after each hidden layer, one run each. Default: ${DEFAULT-VALUE}.")
    double[] dropouts;

    @Option(names = "--threads", defaultValue = "1,2", split = ",", description = "Thread counts. Default: ${DEFAULT-VALUE}.")
    int[] threads;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs timed per setting; the first is a warm-up. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda[:N]. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "The MLP's data: Fashion-MNIST or a folder of IDX files. Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--examples", defaultValue = "50000", description = "AlexNet: random training images. Default: ${DEFAULT-VALUE}.")
    int examples;

    @Option(names = "--limit", paramLabel = "N", description = "MLP: only the first N training images (quick runs).")
    Integer limit;

    @Option(names = "--one-run-per-epoch", description = "Train each epoch in one ONNX Runtime run (the GPU's way)"
            + " instead of the fit loop's default of one run per tenth of an epoch.")
    boolean oneRunPerEpoch;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure to this JSON file.")
    Path json;

    @Option(names = "--profile", paramLabel = "PREFIX",
            description = "Write ONNX Runtime's JSON profile of each training session, file names starting so.")
    Path profile;

    @Override
    public Integer call() throws Exception {
        if (epochs < 2) {
            throw new IllegalArgumentException("--epochs must be at least 2 (one warm-up, one timed)");
        }
        if (json != null && Files.exists(json)) {
            throw new IllegalArgumentException("--json " + json + " exists; give a new file");
        }
        Device d = Device.parse(device);
        DenseDataset train = trainingData();
        double flopsPerEpoch = trainingFlopsPerExample(network(train, 0)) * train.size();
        System.out.printf(Locale.ROOT, "%s, %d examples, %.1f GFLOP of matrix work per epoch, device %s%n",
                describe(train), train.size(), flopsPerEpoch / 1e9, d);
        System.out.println("| batch | dropout | threads | s/epoch (median) | GFLOP/s | host-device MB/epoch"
                + " | peak GEMM GFLOP/s | floor s | ratio to floor |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        ArrayNode rows = new ObjectMapper().createArrayNode();
        for (int t : d.kind() == Device.Kind.CUDA ? new int[] {0} : threads) {
            ExecutionSettings settings = new ExecutionSettings(d, t).withProfile(profile);
            // on CUDA the probe's host tensors travel each run, so it measures the bus, not the card
            double peakBefore = d.kind() == Device.Kind.CPU ? peakGemmFlops(settings) : Double.NaN;
            List<double[]> measured = new ArrayList<>();
            for (int b : batches) {
                for (double p : dropouts) {
                    measured.add(new double[] {b, p, t, 0, 0});
                    medianEpoch(train, b, p, settings, measured.get(measured.size() - 1));
                }
            }
            // the probe runs before and after the epochs: this machine's speed drifts, and the floor uses the best
            double peak = d.kind() == Device.Kind.CPU ? Math.max(peakBefore, peakGemmFlops(settings)) : Double.NaN;
            for (double[] m : measured) {
                double floor = flopsPerEpoch / peak;
                System.out.printf(Locale.ROOT, "| %d | %s | %d | %.3f | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
                        (int) m[0], m[1], (int) m[2], m[3], flopsPerEpoch / m[3] / 1e9, m[4] / 1e6, peak / 1e9,
                        floor, m[3] / floor);
                ObjectNode row = rows.addObject();
                row.put("batch", (int) m[0]).put("dropout", m[1]).put("threads", (int) m[2])
                        .put("seconds_per_epoch", m[3]).put("gflops_per_second", flopsPerEpoch / m[3] / 1e9)
                        .put("host_device_bytes_per_epoch", (long) m[4]);
                if (!Double.isNaN(peak)) {
                    row.put("peak_gemm_gflops", peak / 1e9).put("floor_seconds", floor);
                }
            }
        }
        if (json != null) {
            writeJson(train, d, flopsPerEpoch, rows);
        }
        return 0;
    }

    private void writeJson(DenseDataset train, Device d, double flopsPerEpoch, ArrayNode rows) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("net", describe(train)).put("examples", train.size()).put("device", d.toString())
                .put("onnxruntime", OrtRuntime.environment().getVersion())
                .put("runs_per_epoch", oneRunPerEpoch ? "1" : "a tenth of an epoch each")
                .put("timed_epochs", epochs - 1).put("flops_per_epoch", flopsPerEpoch)
                .put("objective", "label smoothing 0.1").put("optimizer", "SGD momentum 0.9, lr 0.01");
        root.set("runs", rows);
        mapper.writeValue(json.toFile(), root);
    }

    private DenseDataset trainingData() throws Exception {
        if (net == Net.ALEXNET) {
            Random r = new Random(1);
            float[] x = new float[examples * 3 * 24 * 24];
            long[] y = new long[examples];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < examples; i++) {
                y[i] = r.nextInt(10);
            }
            return DenseDataset.of(x, y, new long[] {3, 24, 24}, 10);
        }
        DenseDataset all = IdxDirectory.named(data).train();
        return limit == null ? all : all.head(limit);
    }

    private Network network(DenseDataset train, double dropout) {
        return net == Net.ALEXNET
                ? MuellerAlexNet.create(train.exampleShape(), train.numClasses(), dropout, Initializer.HE_NORMAL, 1)
                : Mlp.create(train.exampleShape(), HIDDEN, train.numClasses(), dropout, Initializer.HE_NORMAL, null, 1);
    }

    private String describe(DenseDataset train) {
        return net == Net.ALEXNET ? "two-convolution AlexNet on 3x24x24"
                : String.format(Locale.ROOT, "MLP %d-1200-1200-%d", train.exampleSize(), train.numClasses());
    }

    /**
     * Matrix work of training on one example: every Gemm and Conv of the forward pass, its weight
     * gradient, and its input gradient except at the first layer (the data needs none), at 2 FLOP a
     * multiply-add.
     */
    static double trainingFlopsPerExample(Network network) {
        GraphBuilder b = new GraphBuilder();
        List<Dim> dims = new ArrayList<>(List.of(Dim.symbol("N")));
        for (long s : network.exampleShape()) {
            dims.add(Dim.of(s));
        }
        Value x = b.input("x", DType.FLOAT, Shape.of(dims));
        Map<String, Value> params = new LinkedHashMap<>();
        for (Parameter p : network.parameters()) {
            params.put(p.name(), b.input(p.name(), p.initial().dtype(), Shape.of(p.initial().shape())));
        }
        network.forward(b, x, params, false);
        double forward = 0;
        double first = -1;
        for (Node n : b.nodes()) {
            if (n.opType().equals("Gemm") || n.opType().equals("Conv")) {
                double macs = n.input(1).shape().elementCount();
                List<Dim> out = n.output(0).shape().dims();
                for (int i = 2; i < out.size(); i++) {
                    macs *= out.get(i).size();
                }
                first = first < 0 ? 2 * macs : first;
                forward += 2 * macs;
            }
        }
        return 3 * forward - first;
    }

    private void medianEpoch(DenseDataset train, int batch, double dropout, ExecutionSettings settings,
                             double[] into) throws Exception {
        int stepsPerEpoch = (train.size() + batch - 1) / batch;
        TrainingConfig config = new TrainingConfig(LabelSmoothing.uniform(0.1), Sgd.withMomentum(0.9),
                LearningRateSchedule.constant(0.01), null, epochs, batch, 0, 0, null, settings, 1L,
                oneRunPerEpoch ? stepsPerEpoch : 0);
        List<EpochReport> history = new Fitter(config, List.of()).fit(network(train, dropout), train, null, null)
                .history();
        double[] timed = history.stream().skip(1).mapToDouble(EpochReport::seconds).sorted().toArray();
        into[3] = timed[timed.length / 2];
        into[4] = history.get(history.size() - 1).hostBytes();
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
        try (GraphSession s = new GraphSession(g.build("peak"), settings.withProfile(null))) {
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
