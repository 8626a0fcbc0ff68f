package org.temper.calibration;

import java.util.Locale;
import java.util.Optional;

/** Plain-text tables of reports for consoles and logs (numbers to 4 decimals, Locale.ROOT). */
public final class TextTables {

    private static final String METRIC_ROW = "%-42s %9s  %s%n";

    private TextTables() {
    }

    /**
     * @param report a report
     * @return one line per chosen metric: label, value, and the bootstrap interval if any
     */
    public static String metrics(CalibrationReport report) {
        StringBuilder out = new StringBuilder();
        boolean bootstrap = report.settings().resamples() > 0;
        String intervalHeader = bootstrap
                ? format("%.0f%% interval (%d resamples)", 100 * report.settings().level(), report.settings().resamples())
                : "";
        out.append(format(METRIC_ROW, "Metric (" + report.settings().bins() + " bins)", "Value", intervalHeader));
        for (Metric metric : report.settings().metrics()) {
            Optional<Interval> interval = report.interval(metric);
            out.append(format(METRIC_ROW, metric.label(), number(report.value(metric)),
                    interval.map(i -> "[" + number(i.lower()) + ", " + number(i.upper()) + "]").orElse("")));
        }
        return out.toString();
    }

    /**
     * @param table a bin table
     * @return one line per bin: number, range, count, mean confidence, accuracy, gap
     *         (accuracy - confidence); "-" for the means of empty bins
     */
    public static String bins(BinTable table) {
        String row = "%4s  %-15s %10s %11s %9s %8s%n";
        StringBuilder out = new StringBuilder(format(row, "Bin", "Range", "Count", "Confidence", "Accuracy", "Gap"));
        int b = 1;
        for (Bin bin : table.bins()) {
            out.append(format(row, b++, range(bin), bin.count(), number(bin.meanConfidence()),
                    number(bin.accuracy()), number(bin.gap())));
        }
        return out.toString();
    }

    /**
     * @param before the report before a change (e.g. temperature scaling)
     * @param after the report after it, with the same metrics
     * @return one line per metric: label, value before, value after
     */
    public static String comparison(CalibrationReport before, CalibrationReport after) {
        String row = "%-42s %9s %9s%n";
        StringBuilder out = new StringBuilder(format(row, "Metric", "Before", "After"));
        for (Metric metric : before.settings().metrics()) {
            out.append(format(row, metric.label(), number(before.value(metric)), number(after.value(metric))));
        }
        return out.toString();
    }

    private static String range(Bin bin) {
        return Double.isNaN(bin.lower()) ? "-" : number(bin.lower()) + " - " + number(bin.upper());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : format("%.4f", value);
    }

    /** Formats with Locale.ROOT, without the spaces an empty last column leaves. */
    private static String format(String pattern, Object... args) {
        String text = String.format(Locale.ROOT, pattern, args);
        return text.endsWith(System.lineSeparator()) ? text.stripTrailing() + System.lineSeparator() : text;
    }
}
