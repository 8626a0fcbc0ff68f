package org.temper.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.CalibrationMap;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.calibration.recalibration.Calibrator;

/**
 * The timing half of {@code bench/calibration.sh}: for each N it draws over-confident logits of K classes
 * (3 (N(0, 1) + 1.5 on the label), labels uniform, seed 1), writes them for scikit-learn's half
 * ({@code logits-N.f64}: N*K little-endian doubles, row-major; {@code labels-N.i32}: N little-endian ints), and
 * prints one CSV line per method and N: the median seconds of fitting each {@link CalibrationMethod} (every one,
 * or those the system property {@code calibration.methods} names, comma-separated) on the N examples (histogram binning with 15 bins, matrix and Dirichlet with the penalty 0.001) and of applying the
 * fitted map to the same N logits, over the given repeats after one untimed warm-up fit and apply.
 */
public final class CalibrationBenchmark {

    /** Classes of the benchmark's data. */
    public static final int CLASSES = 10;

    /** Equal-mass bins of histogram binning, as temper calibrate's default. */
    public static final int BINS = 15;

    private CalibrationBenchmark() {
    }

    /**
     * @param args output folder, repeats, then the sizes N
     * @throws IOException if the data cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: [-Dcalibration.methods=platt,isotonic] CalibrationBenchmark"
                    + " FOLDER REPEATS N...");
        }
        String names = System.getProperty("calibration.methods", "");
        List<CalibrationMethod> methods = names.isBlank() ? List.of(CalibrationMethod.values())
                : Arrays.stream(names.split(",")).map(CalibrationMethod::named).toList();
        run(Path.of(args[0]), Integer.parseInt(args[1]), Arrays.stream(args, 2, args.length)
                .mapToInt(Integer::parseInt).toArray(), methods, System.out);
    }

    /**
     * @param folder where the data files go
     * @param repeats timed fits and applies per method and N, at least 1
     * @param sizes the numbers of examples
     * @param methods the methods to time, in this order
     * @param out receives "method,n,fit_s,apply_s" lines after a header
     * @throws IOException if the data cannot be written
     */
    static void run(Path folder, int repeats, int[] sizes, List<CalibrationMethod> methods, PrintStream out)
            throws IOException {
        Files.createDirectories(folder);
        out.println("method,n,fit_s,apply_s");
        for (int n : sizes) {
            Random random = new Random(1);
            double[] logits = new double[n * CLASSES];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextInt(CLASSES);
                for (int k = 0; k < CLASSES; k++) {
                    logits[i * CLASSES + k] = 3 * (random.nextGaussian() + (k == labels[i] ? 1.5 : 0));
                }
            }
            ByteBuffer z = ByteBuffer.allocate(8 * logits.length).order(ByteOrder.LITTLE_ENDIAN);
            z.asDoubleBuffer().put(logits);
            Files.write(folder.resolve("logits-" + n + ".f64"), z.array());
            ByteBuffer y = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            y.asIntBuffer().put(labels);
            Files.write(folder.resolve("labels-" + n + ".i32"), y.array());
            Predictions data = Predictions.fromLogits(logits, labels, CLASSES);
            for (CalibrationMethod method : methods) {
                Calibrator calibrator = method.calibrator(BINS);
                calibrator.fit(data).calibrateLogits(logits);
                double[] fit = new double[repeats];
                double[] apply = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    CalibrationMap map = calibrator.fit(data);
                    fit[r] = (System.nanoTime() - start) / 1e9;
                    start = System.nanoTime();
                    map.calibrateLogits(logits);
                    apply[r] = (System.nanoTime() - start) / 1e9;
                }
                out.printf(Locale.ROOT, "%s,%d,%.6f,%.6f%n", method.key(), n, median(fit), median(apply));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
