package org.temper.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.temper.calibration.Bin;
import org.temper.calibration.BinTable;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.InvalidRowException;
import org.temper.calibration.Metric;
import org.temper.calibration.Predictions;
import org.temper.calibration.TextTables;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.recalibration.CalibrationMap;
import org.temper.calibration.recalibration.CalibrationMethod;
import org.temper.calibration.recalibration.Calibrator;
import org.temper.onnx.model.NewFile;
import org.temper.calibration.chart.ReliabilityDiagram;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code temper calibrate}: the calibration of any model's outputs, read from CSV files; prints
 * a table, and optionally fits a temperature, draws a reliability diagram and writes JSON.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures how well a classifier's confidence matches its accuracy, from any framework's outputs:"
                + " ECE (equal-width bins), adaptive ECE (equal-mass bins), MCE, classwise ECE, RMS calibration"
                + " error, Brier score, NLL, accuracy and mean confidence, with the per-bin tables; optionally"
                + " fits a temperature.",
            "",
            "CSV files have one row per example, an optional header row (a first row with no number in it)"
                + " and no index column. The outputs file has one column per class; a single column is a binary"
                + " problem (the logit or probability of class 1). The labels file has one class index per row"
                + " (3 and 3.0 both work).",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:bad options or malformed input (one line on stderr)"})
public final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--logits", required = true, paramLabel = "FILE.csv",
            description = "The model's outputs: logits, or probabilities with --probabilities.")
    private Path outputs;

    @Option(names = "--labels", required = true, paramLabel = "FILE.csv",
            description = "The true class of each example, 0 to K-1.")
    private Path labels;

    @Option(names = "--probabilities",
            description = "The outputs are probabilities: each row non-negative, summing to 1 within --tolerance.")
    private boolean probabilities;

    @Option(names = "--tolerance", defaultValue = "1e-4", paramLabel = "EPS",
            description = "Largest accepted |row sum - 1| of probabilities (default: ${DEFAULT-VALUE}).")
    private double tolerance;

    @Option(names = "--bins", defaultValue = "15", paramLabel = "B",
            description = "Bins of every binned metric (default: ${DEFAULT-VALUE}).")
    private int bins;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "RESAMPLES",
            description = "Bootstrap resamples for 95%% confidence intervals, e.g. 1000 (default: ${DEFAULT-VALUE}, none).")
    private int bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--fit-temperature", paramLabel = "nll|ece", converter = ObjectiveConverter.class,
            description = "Fit a temperature T on these outputs, minimising NLL (Newton) or ECE (grid 0.05..5 by 0.01),"
                    + " and report the metrics after dividing the logits by T.")
    private TemperatureScaling.Objective fitTemperature;

    @Option(names = "--method", paramLabel = "platt|isotonic|histogram|temperature",
            description = "Recalibrate with this method (Platt scaling one-vs-rest, isotonic regression, histogram"
                    + " binning with --bins equal-mass bins, or temperature scaling by NLL) and report the metrics"
                    + " after it; fitted on --fit-logits/--fit-labels, else on these outputs themselves.")
    private String method;

    @Option(names = "--fit-logits", paramLabel = "FILE.csv",
            description = "With --method: held-out outputs (same kind and classes) to fit the method on.")
    private Path fitOutputs;

    @Option(names = "--fit-labels", paramLabel = "FILE.csv", description = "With --method: the labels of --fit-logits.")
    private Path fitLabels;

    @Option(names = "--take-log",
            description = "With --probabilities and --fit-temperature: use log(probabilities) as the logits"
                    + " (a probability of 0 becomes log(Double.MIN_NORMAL), about -708).")
    private boolean takeLog;

    @Option(names = "--diagram", paramLabel = "out.png|svg",
            description = "Write the reliability diagram (before and after temperature scaling if fitted).")
    private Path diagram;

    @Option(names = "--json", paramLabel = "out.json",
            description = "Write every metric, interval, bin table and the fitted temperature as JSON.")
    private Path json;

    /** Reads nll or ece, in any case. */
    static final class ObjectiveConverter implements CommandLine.ITypeConverter<TemperatureScaling.Objective> {
        @Override
        public TemperatureScaling.Objective convert(String value) {
            for (TemperatureScaling.Objective objective : TemperatureScaling.Objective.values()) {
                if (objective.name().equalsIgnoreCase(value)) {
                    return objective;
                }
            }
            throw new CommandLine.TypeConversionException("expected nll or ece, got '" + value + "'");
        }
    }

    /** The most bins a reliability table may have. */
    static final int MAX_BINS = 10_000;

    /** A malformed input file or an input the library refuses, reported in one line. */
    static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        checkOptions();
        try {
            run();
            return 0;
        } catch (InputException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("temper calibrate: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("temper calibrate: " + (e instanceof NoSuchFileException
                    ? "no such file: " : "cannot read or write ") + e.getMessage());
            return 2;
        }
    }

    private void warnAboutScores(CsvTable table, int[] y) {
        PrintWriter err = spec.commandLine().getErr();
        if (!probabilities && table.looksLikeProbabilities(tolerance)) {
            err.println("temper calibrate: warning: every row of " + outputs + " lies in [0, 1] and sums to 1: these"
                    + " look like probabilities, not logits; add --probabilities (and --take-log to fit a temperature)");
        }
        if (probabilities && takeLog) {
            List<Long> zero = table.zeroOnTheTrueClass(y);
            if (!zero.isEmpty()) {
                err.println("temper calibrate: warning: " + zero.size() + " row(s) of " + outputs + " give the true"
                        + " class probability 0 (lines " + zero.subList(0, Math.min(5, zero.size()))
                        + (zero.size() > 5 ? " ..." : "") + "): their log is -infinity, which makes the NLL infinite"
                        + " and drags the fitted temperature; such zeros are usually rounding (Weka prints 3 decimals),"
                        + " so write the probabilities with more decimals, or give logits");
            }
        }
    }

    private void checkOptions() {
        if (bins < 1 || bins > MAX_BINS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bins must be 1 to " + MAX_BINS + ", got "
                    + bins + " (15 is the papers' choice)");
        }
        if (bootstrap < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be >= 0, got " + bootstrap);
        }
        if (takeLog && !(probabilities && fitTemperature != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--take-log only applies with --probabilities and --fit-temperature");
        }
        if ((fitOutputs == null) != (fitLabels == null) || (fitOutputs != null && method == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fit-logits and --fit-labels go together, with --method");
        }
        if (fitTemperature != null && probabilities && !takeLog) {
            throw new CommandLine.ParameterException(spec.commandLine(), "temperature scaling needs logits, but"
                    + " --probabilities says the file holds probabilities; add --take-log to use log(probabilities)"
                    + " as logits");
        }
    }

    private void run() throws IOException, InputException {
        if (diagram != null) {
            String name = diagram.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new InputException("--diagram " + diagram + ": give a file name ending in .png or .svg");
            }
            NewFile.checkCreatable(diagram, "--diagram", inputs());
        }
        if (json != null) {
            NewFile.checkCreatable(json, "--json", inputs());
        }
        if (diagram != null && json != null && diagram.toAbsolutePath().normalize().equals(json.toAbsolutePath().normalize())) {
            throw new InputException("--diagram and --json name the same file " + json + "; give two paths");
        }
        CsvTable table = CsvTable.read(outputs);
        int classes = Math.max(2, table.columns);
        CsvTable labelTable = CsvTable.read(labels);
        int[] y = labelTable.labels(classes);
        if (y.length != table.rows.size()) {
            throw new InputException(outputs + " has " + table.rows.size() + " examples but " + labels + " has "
                    + y.length + " labels (the last on line " + labelTable.lines.get(y.length - 1) + ")");
        }
        warnAboutScores(table, y);
        Predictions predictions = table.predictions(y, probabilities, tolerance);
        CalibrationSettings settings = CalibrationSettings.defaults().withBins(bins).withBootstrap(bootstrap, seed);
        TemperatureFit fit = null;
        CalibrationReport report;
        if (fitTemperature == null) {
            report = CalibrationReport.of(predictions, settings);
        } else {
            TemperatureScaling scaling = fitTemperature == TemperatureScaling.Objective.NLL
                    ? TemperatureScaling.byNll() : TemperatureScaling.byEce();
            fit = scaling.fit(takeLog ? predictions.logitsFromLogProbabilities() : predictions, settings);
            report = fit.before();
        }
        print(report, fit);
        Recalibration recalibration = method == null ? null : recalibrate(predictions, classes, settings, report);
        if (diagram != null) {
            writeDiagram(report, fit);
        }
        if (json != null) {
            writeJson(report, fit, recalibration);
            spec.commandLine().getOut().println("Wrote " + json);
        }
    }

    private List<Path> inputs() {
        List<Path> all = new ArrayList<>(List.of(outputs, labels));
        if (fitOutputs != null) {
            all.add(fitOutputs);
            all.add(fitLabels);
        }
        return all;
    }

    private String kind() {
        return !probabilities ? "logits" : takeLog ? "log probabilities" : "probabilities";
    }

    private void print(CalibrationReport report, TemperatureFit fit) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Calibration of %,d examples, %d classes (%s from %s)%n%n",
                report.size(), report.classes(), kind(), outputs);
        out.println(TextTables.metrics(report));
        out.println("Equal-width bins [lower, upper), the last holding 1.0, behind ECE, MCE and RMS calibration error"
                + " (gap = accuracy - confidence):");
        out.println(TextTables.bins(report.equalWidthBins()));
        out.println("Equal-mass bins (range = smallest to largest confidence), behind adaptive ECE:");
        out.println(TextTables.bins(report.equalMassBins().orElseThrow()));
        if (fit != null) {
            out.printf(Locale.ROOT, "Temperature scaling (minimising %s): T = %.6f%n", fit.objective(), fit.temperature());
            out.println(TextTables.comparison(fit.before(), fit.after()));
        }
        out.flush();
    }

    private void writeDiagram(CalibrationReport report, TemperatureFit fit) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Map<String, CalibrationReport> models = new LinkedHashMap<>();
        models.put(fit == null ? outputs.getFileName().toString() : "before", report);
        if (fit != null) {
            models.put(String.format(Locale.ROOT, "after T = %.3f", fit.temperature()), fit.after());
        }
        NewFile.write(diagram, tmp -> ChartFiles.write(ReliabilityDiagram.chart("Reliability diagram", models), tmp,
                700, 800));
        spec.commandLine().getOut().println("Wrote " + diagram);
    }

    /** A fitted method and the report of the evaluated outputs after it. */
    private record Recalibration(Calibrator method, CalibrationMap map, boolean fittedOnItself,
                                 CalibrationReport after) {
    }

    private static Calibrator calibrator(String name, int bins) throws InputException {
        try {
            return CalibrationMethod.named(name).calibrator(bins);
        } catch (IllegalArgumentException e) {
            throw new InputException("--method: " + e.getMessage());
        }
    }

    private Recalibration recalibrate(Predictions predictions, int classes, CalibrationSettings settings,
                                      CalibrationReport before) throws IOException, InputException {
        Calibrator calibrator = calibrator(method, bins);
        Predictions fitOn = predictions;
        if (fitOutputs != null) {
            CsvTable fitTable = CsvTable.read(fitOutputs);
            if (Math.max(2, fitTable.columns) != classes) {
                throw new InputException(fitOutputs + " has " + Math.max(2, fitTable.columns) + " classes but "
                        + outputs + " has " + classes + ": fit and evaluate on outputs of the same model");
            }
            int[] fy = CsvTable.read(fitLabels).labels(classes);
            if (fy.length != fitTable.rows.size()) {
                throw new InputException(fitOutputs + " has " + fitTable.rows.size() + " examples but " + fitLabels
                        + " has " + fy.length + " labels");
            }
            fitOn = fitTable.predictions(fy, probabilities, tolerance);
        }
        CalibrationMap map;
        try {
            map = calibrator.fit(fitOn);
        } catch (IllegalArgumentException e) {
            throw new InputException(calibrator.name() + " cannot be fitted on "
                    + (fitOutputs == null ? outputs : fitOutputs) + ": " + e.getMessage());
        }
        CalibrationReport after = CalibrationReport.of(map.apply(predictions), settings);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Recalibration: %s, fitted on %s%n", map.describe(), fitOutputs == null
                ? outputs + " itself (optimistic: give --fit-logits/--fit-labels of held-out data)" : fitOutputs);
        out.println(TextTables.comparison(before, after));
        out.flush();
        return new Recalibration(calibrator, map, fitOutputs == null, after);
    }

    private void writeJson(CalibrationReport report, TemperatureFit fit, Recalibration recalibration)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode input = root.putObject("input");
        input.put("outputs", outputs.toString());
        input.put("labels", labels.toString());
        input.put("kind", kind());
        input.put("examples", report.size());
        input.put("classes", report.classes());
        ObjectNode settingsNode = root.putObject("settings");
        settingsNode.put("bins", bins);
        settingsNode.put("bootstrap_resamples", bootstrap);
        settingsNode.put("seed", seed);
        settingsNode.put("confidence_level", report.settings().level());
        putMeasurement(root, report);
        if (fit == null) {
            root.putNull("temperature_scaling");
        } else {
            ObjectNode scaling = root.putObject("temperature_scaling");
            scaling.put("objective", fit.objective().name().toLowerCase(Locale.ROOT));
            scaling.put("temperature", fit.temperature());
            putMeasurement(scaling, fit.after());
        }
        if (recalibration == null) {
            root.putNull("recalibration");
        } else {
            ObjectNode r = root.putObject("recalibration");
            r.put("method", recalibration.method().name());
            r.put("description", recalibration.map().describe());
            r.put("fitted_on", fitOutputs == null ? outputs.toString() : fitOutputs.toString());
            ObjectNode parameters = r.putObject("parameters");
            recalibration.map().parameters().forEach((name, values) -> {
                var array = parameters.putArray(name);
                values.forEach(array::add);
            });
            putMeasurement(r, recalibration.after());
        }
        NewFile.write(json, tmp -> mapper.writeValue(tmp.toFile(), root));
    }

    /** Adds "metrics" (value, lower, upper per metric) and "bins" (every bin table) of a report. */
    private static void putMeasurement(ObjectNode parent, CalibrationReport report) {
        ObjectNode metrics = parent.putObject("metrics");
        for (Metric metric : report.settings().metrics()) {
            ObjectNode node = metrics.putObject(metric.key());
            putNumber(node, "value", report.value(metric));
            putNumber(node, "lower", report.interval(metric).map(i -> i.lower()).orElse(Double.NaN));
            putNumber(node, "upper", report.interval(metric).map(i -> i.upper()).orElse(Double.NaN));
        }
        ObjectNode tables = parent.putObject("bins");
        putBins(tables.putArray("equal_width"), report.equalWidthBins());
        putBins(tables.putArray("equal_mass"), report.equalMassBins().orElseThrow());
        ArrayNode classwise = tables.putArray("classwise");
        for (BinTable table : report.classwiseBins()) {
            putBins(classwise.addArray(), table);
        }
    }

    private static void putBins(ArrayNode array, BinTable table) {
        for (Bin bin : table.bins()) {
            ObjectNode node = array.addObject();
            putNumber(node, "lower", bin.lower());
            putNumber(node, "upper", bin.upper());
            node.put("count", bin.count());
            putNumber(node, "mean_confidence", bin.meanConfidence());
            putNumber(node, "accuracy", bin.accuracy());
            putNumber(node, "gap", bin.gap());
        }
    }

    /** NaN (undefined: an empty bin, no bootstrap) is written as null; infinities as "Infinity". */
    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /** The numeric rows of a CSV file with their line numbers; a first row without numbers is a header. */
    static final class CsvTable {
        final Path file;
        final List<double[]> rows = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        int columns;

        private CsvTable(Path file) {
            this.file = file;
        }

        static CsvTable read(Path file) throws IOException, InputException {
            CsvTable table = new CsvTable(file);
            CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = format.parse(skipByteOrderMark(reader))) {
                for (CSVRecord record : parser) {
                    table.add(record, parser.getCurrentLineNumber());
                }
            }
            if (table.rows.isEmpty()) {
                throw new InputException(file + " has no data rows");
            }
            return table;
        }

        /** A UTF-8 byte-order mark (as spreadsheet programs write) is not part of the first value. */
        private static Reader skipByteOrderMark(BufferedReader reader) throws IOException {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }

        /**
         * @param tolerance how far a row's sum may be from 1
         * @return whether every row has two or more values in [0, 1] summing to 1: probabilities, not logits
         */
        boolean looksLikeProbabilities(double tolerance) {
            if (columns < 2) {
                return false;
            }
            for (double[] row : rows) {
                double sum = 0;
                for (double v : row) {
                    if (!(v >= 0 && v <= 1)) {
                        return false;
                    }
                    sum += v;
                }
                if (Math.abs(sum - 1) > tolerance) {
                    return false;
                }
            }
            return true;
        }

        /**
         * @param y the labels
         * @return the line numbers of the rows whose true class has probability 0
         */
        List<Long> zeroOnTheTrueClass(int[] y) {
            List<Long> zero = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                double p = columns == 1 ? (y[i] == 1 ? rows.get(i)[0] : 1 - rows.get(i)[0]) : rows.get(i)[y[i]];
                if (p == 0) {
                    zero.add(lines.get(i));
                }
            }
            return zero;
        }

        private void add(CSVRecord record, long line) throws InputException {
            if (rows.isEmpty() && columns == 0 && isHeader(record)) {
                columns = record.size();
                return;
            }
            if (columns == 0) {
                columns = record.size();
            } else if (record.size() != columns) {
                throw new InputException(file + " line " + line + ": " + record.size() + " values, but "
                        + (rows.isEmpty() ? "the header has " : "line " + lines.get(0) + " has ") + columns);
            }
            double[] row = new double[columns];
            for (int j = 0; j < columns; j++) {
                try {
                    row[j] = Double.parseDouble(record.get(j));
                } catch (NumberFormatException e) {
                    throw new InputException(file + " line " + line + ", column " + (j + 1) + ": '"
                            + record.get(j) + "' is not a number");
                }
            }
            rows.add(row);
            lines.add(line);
        }

        private static boolean isHeader(CSVRecord record) {
            for (String field : record) {
                try {
                    Double.parseDouble(field);
                    return false;
                } catch (NumberFormatException e) {
                    // not a number: may be a column name
                }
            }
            return true;
        }

        /** The single column as class indices in [0, classes). */
        int[] labels(int classes) throws InputException {
            if (columns != 1) {
                throw new InputException(file + " line " + lines.get(0) + ": " + columns
                        + " columns, but a labels file has one label per line");
            }
            int[] y = new int[rows.size()];
            for (int i = 0; i < y.length; i++) {
                double value = rows.get(i)[0];
                if (value != Math.rint(value) || value < 0 || value >= classes) {
                    throw new InputException(file + " line " + lines.get(i) + ": label "
                            + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value))
                            + " is not a class index 0 to " + (classes - 1));
                }
                y[i] = (int) value;
            }
            return y;
        }

        /** The rows as predictions; one column is the logit or probability of class 1 of a binary problem. */
        Predictions predictions(int[] y, boolean probabilities, double tolerance) throws InputException {
            int classes = Math.max(2, columns);
            double[] values = new double[rows.size() * (columns == 1 && probabilities ? 1 : classes)];
            for (int i = 0; i < rows.size(); i++) {
                if (columns == 1 && !probabilities) {
                    values[2 * i + 1] = rows.get(i)[0]; // logits [0, z]: p(class 1) = sigmoid(z)
                } else {
                    System.arraycopy(rows.get(i), 0, values, i * columns, columns);
                }
            }
            try {
                if (!probabilities) {
                    return Predictions.fromLogits(values, y, classes);
                }
                return columns == 1 ? Predictions.binary(values, y)
                        : Predictions.fromProbabilities(values, y, classes, tolerance);
            } catch (InvalidRowException e) {
                throw new InputException(file + " line " + lines.get(e.row()) + ": " + e.reason());
            }
        }
    }
}
