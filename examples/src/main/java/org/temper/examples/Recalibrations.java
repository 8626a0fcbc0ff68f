package org.temper.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.recalibration.CalibrationMap;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.calibration.recalibration.Calibrator;
import org.temper.calibration.recalibration.TemperatureCalibrator;

/**
 * The recalibration methods of {@code temper calibrate --method}, by name: each fitted on held-out
 * outputs and measured on the evaluated ones, and the table that compares them.
 */
final class Recalibrations {

    /** Every method's name on the command line, in the order {@code all} runs and prints them. */
    static final List<String> NAMES = Arrays.stream(CalibrationMethod.values()).map(CalibrationMethod::key).toList();
    /** The metrics of the {@code all} table. */
    private static final List<Metric> TABLE = List.of(Metric.ECE, Metric.CLASSWISE_ECE, Metric.SMOOTH_ECE,
            Metric.NLL, Metric.BRIER, Metric.ACCURACY);
    private static final int SUMMARY = 60;

    /**
     * A method fitted and measured, or the reason it could not be fitted.
     *
     * @param name the method's command-line name
     * @param calibrator the method
     * @param map the fitted map, null if the fit failed
     * @param after the evaluated outputs' report after the map, null if the fit failed
     * @param error why the fit failed, null if it did not
     */
    record Result(String name, Calibrator calibrator, CalibrationMap map, CalibrationReport after, String error) {
    }

    /** Settings of the methods that have any: bins of histogram binning, penalties of matrix and Dirichlet. */
    record Options(int bins, double lambda, double mu) {
    }

    private Recalibrations() {
    }

    /**
     * @param name a method's name, any case
     * @param options the methods' settings
     * @return the method
     * @throws InputException naming every method if the name is none of them
     */
    static Calibrator calibrator(String name, Options options) throws InputException {
        try {
            return CalibrationMethod.named(name).calibrator(options.bins(), options.lambda(), options.mu());
        } catch (IllegalArgumentException e) {
            throw new InputException("--method: " + e.getMessage() + " or all");
        }
    }

    /**
     * Fits one method and measures the evaluated outputs after it. Temperature scaling, which
     * needs logits, is given log(probabilities) when the outputs are probabilities.
     * @param name the method's name
     * @param calibrator the method
     * @param fitOn the held-out outputs
     * @param evaluated the outputs to measure
     * @param settings the report's settings
     * @return the result, with the library's message as its error if the fit is refused or fails
     */
    static Result fit(String name, Calibrator calibrator, Predictions fitOn, Predictions evaluated,
                      CalibrationSettings settings) {
        boolean log = calibrator instanceof TemperatureCalibrator && !fitOn.hasLogits();
        try {
            CalibrationMap map = calibrator.fit(log ? fitOn.logitsFromLogProbabilities() : fitOn);
            Predictions calibrated = map.apply(log ? evaluated.logitsFromLogProbabilities() : evaluated);
            return new Result(name, calibrator, map, CalibrationReport.of(calibrated, settings), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Result(name, calibrator, null, null, e.getMessage());
        }
    }

    /**
     * @param before the evaluated outputs' report before any method
     * @param results every method's result
     * @return one row before and one per method: ECE, classwise ECE, smooth ECE, NLL, Brier,
     *         accuracy, and the fitted parameters in short (or the error)
     */
    static String table(CalibrationReport before, List<Result> results) {
        int width = "(none: as given)".length();
        for (Result r : results) {
            width = Math.max(width, r.calibrator().name().length());
        }
        String row = "%-" + width + "s" + " %10s".repeat(TABLE.size()) + "  %s%n";
        List<Object> header = new ArrayList<>(List.of("Method"));
        List<String> keys = List.of("ECE", "classwise", "smooth ECE", "NLL", "Brier", "accuracy");
        header.addAll(keys);
        header.add("Fitted parameters");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, header.toArray()));
        out.append(String.format(Locale.ROOT, row, values("(none: as given)", before, "-").toArray()));
        for (Result r : results) {
            List<Object> cells = r.map() == null ? failed(r) : values(r.calibrator().name(), r.after(),
                    summary(r.map().parameters()));
            out.append(String.format(Locale.ROOT, row, cells.toArray()));
        }
        return out.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + System.lineSeparator());
    }

    private static List<Object> values(String name, CalibrationReport report, String parameters) {
        List<Object> cells = new ArrayList<>(List.of(name));
        for (Metric m : TABLE) {
            double v = report.value(m);
            cells.add(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v));
        }
        cells.add(parameters);
        return cells;
    }

    private static List<Object> failed(Result r) {
        List<Object> cells = new ArrayList<>(List.of(r.calibrator().name()));
        for (int i = 0; i < TABLE.size(); i++) {
            cells.add("-");
        }
        cells.add("not fitted: " + r.error());
        return cells;
    }

    /**
     * @param parameters a map's fitted parameters
     * @return them in at most {@value #SUMMARY} characters: "name = v" for one value, "name: n in
     *         [min, max]" for several, then "..." if more would not fit
     */
    static String summary(Map<String, List<Double>> parameters) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Double>> e : parameters.entrySet()) {
            List<Double> v = e.getValue();
            String part = v.size() == 1 ? String.format(Locale.ROOT, "%s = %.4g", e.getKey(), v.get(0))
                    : String.format(Locale.ROOT, "%s: %d in [%.3g, %.3g]", e.getKey(), v.size(),
                            v.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                            v.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            String next = out.isEmpty() ? part : out + "; " + part;
            if (next.length() > SUMMARY) {
                return out + (out.isEmpty() ? "" : "; ") + "...";
            }
            out.setLength(0);
            out.append(next);
        }
        return out.toString();
    }
}
