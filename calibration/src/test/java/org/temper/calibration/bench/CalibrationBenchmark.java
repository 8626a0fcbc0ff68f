package org.temper.calibration.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;

/**
 * Times ECE, MCE, Brier and NLL of N examples x K classes in one pass ({@link CalibrationReport})
 * against a naive multi-pass implementation that materialises probabilities, confidences and
 * predictions first, the way array code is usually written. Reports seconds (best of the runs)
 * and the bytes each allocates beyond the input. Run it as documented in
 * BENCHMARKS.md; arguments: [examples] [classes] [runs].
 */
public final class CalibrationBenchmark {

    private static final int BINS = 15;

    private CalibrationBenchmark() {
    }

    /**
     * @param args examples (10,000,000), classes (10) and runs (5)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int classes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double[] logits = new double[n * classes];
        int[] labels = new int[n];
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            for (int k = 0; k < classes; k++) {
                logits[i * classes + k] = 2 * random.nextGaussian() + (k == labels[i] ? 3 : 0);
            }
        }
        double[] probabilities = NaiveMultiPass.softmax(logits, classes);
        System.out.printf(Locale.ROOT, "%,d examples x %d classes, %d bins, %d runs each, best time:%n",
                n, classes, BINS, runs);
        CalibrationSettings settings = CalibrationSettings.defaults().withBins(BINS)
                .withMetrics(Metric.ECE, Metric.MCE, Metric.BRIER, Metric.NLL);
        Predictions fromLogits = Predictions.fromLogits(logits, labels, classes);
        Predictions fromProbabilities = Predictions.fromProbabilities(probabilities, labels, classes);
        double[] ours = null;
        double[] naive = null;
        for (String input : new String[] {"logits", "probabilities"}) {
            Predictions p = input.equals("logits") ? fromLogits : fromProbabilities;
            double best = Double.MAX_VALUE;
            double bestNaive = Double.MAX_VALUE;
            long allocated = 0;
            long allocatedNaive = 0;
            for (int run = 0; run < runs; run++) {
                long bytes = allocatedBytes();
                long start = System.nanoTime();
                CalibrationReport report = CalibrationReport.of(p, settings);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                allocated = allocatedBytes() - bytes;
                ours = new double[] {report.value(Metric.ECE), report.value(Metric.MCE),
                    report.value(Metric.BRIER), report.value(Metric.NLL)};
                bytes = allocatedBytes();
                start = System.nanoTime();
                naive = input.equals("logits") ? NaiveMultiPass.fromLogits(logits, labels, classes, BINS)
                        : NaiveMultiPass.fromProbabilities(probabilities, labels, classes, BINS);
                bestNaive = Math.min(bestNaive, (System.nanoTime() - start) / 1e9);
                allocatedNaive = allocatedBytes() - bytes;
            }
            System.out.printf(Locale.ROOT, "  from %-13s one pass %6.3f s (%,d bytes allocated)   "
                    + "naive multi-pass %6.3f s (%,d bytes)   ratio %.1fx%n",
                    input, best, allocated, bestNaive, allocatedNaive, bestNaive / best);
            double worst = 0;
            for (int m = 0; m < 4; m++) {
                worst = Math.max(worst, Math.abs(ours[m] - naive[m]));
            }
            System.out.printf(Locale.ROOT, "    ECE %.6f  MCE %.6f  Brier %.6f  NLL %.6f  (largest difference to naive %.1e)%n",
                    ours[0], ours[1], ours[2], ours[3], worst);
        }
        long start = System.nanoTime();
        CalibrationReport.of(fromLogits, CalibrationSettings.defaults().withBins(BINS));
        System.out.printf(Locale.ROOT, "  every metric from logits (adds adaptive ECE's sort and classwise bins), one run: %.3f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
