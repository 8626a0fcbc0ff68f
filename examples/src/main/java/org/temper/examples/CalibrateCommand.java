package org.temper.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.CalibrationSettings;
import org.temper.calibration.Predictions;
import org.temper.calibration.TextTables;
import org.temper.calibration.recalibration.Calibrator;
import org.temper.calibration.recalibration.TemperatureCalibrator;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.calibration.temperature.TemperatureScaling;
import org.temper.onnx.model.NewFile;
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
                + " top-label ECE (equal-width bins), adaptive ECE (equal-mass bins), MCE, classwise ECE,"
                + " positive-class ECE (two classes), RMS calibration error, debiased l2 calibration error, smooth ECE,"
                + " KS calibration error, Brier score, NLL, accuracy and mean confidence, with the per-bin tables;"
                + " optionally fits a temperature or any recalibration method (--method).",
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

    @Option(names = "--method", paramLabel = "METHOD|all",
            description = "Recalibrate with this method and report the metrics after it: temperature (scaling by NLL),"
                    + " vector or matrix (scaling, matrix with --lambda), dirichlet (calibration with ODIR --lambda, --mu),"
                    + " ets (ensemble temperature scaling), platt (one-vs-rest), isotonic, histogram (--bins equal-mass"
                    + " bins) or beta (one-vs-rest when K > 2); 'all' fits every one and prints a table to choose from."
                    + " Fitted on --fit-logits/--fit-labels, else on these outputs themselves. Methods that need logits"
                    + " take log(probabilities) with --probabilities.")
    private String method;

    @Option(names = "--lambda", defaultValue = "0.001", paramLabel = "L",
            description = "With --method matrix: the weight of ||W - I||^2 + ||b||^2; with dirichlet: of the off-diagonal"
                    + " penalty (default: ${DEFAULT-VALUE}).")
    private double lambda;

    @Option(names = "--mu", paramLabel = "M",
            description = "With --method dirichlet: the weight of the intercept penalty (default: --lambda).")
    private Double mu;

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
            description = "Write the reliability diagram, before and after temperature scaling if fitted and the"
                    + " --method; with --method all, one panel per method, each before and after it.")
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
        if (!(lambda >= 0) || (mu != null && !(mu >= 0))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lambda and --mu must be >= 0, got "
                    + lambda + (mu == null ? "" : " and " + mu) + " (0.001 is a mild penalty)");
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
        List<Recalibrations.Result> recalibrations = method == null ? List.of()
                : recalibrate(predictions, classes, settings, report);
        if (diagram != null) {
            writeDiagram(report, fit, recalibrations);
        }
        if (json != null) {
            CalibrationJson.Input input = new CalibrationJson.Input(outputs, labels, kind(), bins, bootstrap, seed,
                    fitOutputs == null ? outputs : fitOutputs);
            CalibrationJson.write(json, input, report, fit, method, recalibrations);
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

    private void writeDiagram(CalibrationReport report, TemperatureFit fit, List<Recalibrations.Result> recalibrations)
            throws IOException, InputException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<JFreeChart> charts = ReliabilityFigure.charts(outputs.getFileName().toString(), report, fit,
                recalibrations);
        if (charts.isEmpty()) {
            throw new InputException("--diagram " + diagram + ": no method could be fitted, so there is nothing to"
                    + " draw after recalibration (see the table)");
        }
        NewFile.write(diagram, tmp -> ReliabilityFigure.write(charts, tmp));
        spec.commandLine().getOut().println("Wrote " + diagram);
    }

    /**
     * Fits --method (every method for "all") on the held-out outputs, or the evaluated ones
     * themselves, and prints the evaluated outputs' metrics after it.
     * @return the results, one per method
     */
    private List<Recalibrations.Result> recalibrate(Predictions predictions, int classes, CalibrationSettings settings,
                                                    CalibrationReport before) throws IOException, InputException {
        boolean all = method.equalsIgnoreCase("all");
        Recalibrations.Options options = new Recalibrations.Options(bins, lambda, mu == null ? lambda : mu);
        List<String> names = all ? Recalibrations.NAMES : List.of(method);
        List<Calibrator> calibrators = new ArrayList<>();
        for (String name : names) {
            calibrators.add(Recalibrations.calibrator(name, options));
        }
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
        List<Recalibrations.Result> results = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            results.add(Recalibrations.fit(names.get(m), calibrators.get(m), fitOn, predictions, settings));
        }
        String source = fitOutputs == null
                ? outputs + " itself (optimistic: give --fit-logits/--fit-labels of held-out data)" : fitOutputs.toString();
        PrintWriter out = spec.commandLine().getOut();
        if (all) {
            out.printf(Locale.ROOT, "Recalibration by every method, fitted on %s, measured on %s%s:%n", source, outputs,
                    probabilities ? " (temperature scaling on log(probabilities))" : "");
            out.println(Recalibrations.table(before, results));
        } else {
            Recalibrations.Result r = results.get(0);
            if (r.map() == null) {
                throw new InputException(r.calibrator().name() + " cannot be fitted on "
                        + (fitOutputs == null ? outputs : fitOutputs) + ": " + r.error());
            }
            out.printf(Locale.ROOT, "Recalibration: %s%s, fitted on %s%n", r.map().describe(),
                    probabilities && r.calibrator() instanceof TemperatureCalibrator
                            ? " (on log(probabilities), as it needs logits)" : "", source);
            out.println(TextTables.comparison(before, r.after()));
        }
        out.flush();
        return results;
    }
}
