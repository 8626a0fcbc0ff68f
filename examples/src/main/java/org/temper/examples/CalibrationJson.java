package org.temper.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.temper.calibration.Bin;
import org.temper.calibration.BinTable;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.Metric;
import org.temper.calibration.temperature.TemperatureFit;
import org.temper.onnx.model.NewFile;

/**
 * The JSON report of {@code temper calibrate}: input, settings, every metric with its interval and
 * every bin table, the fitted temperature, and the recalibration: one object for one method, or
 * for {@code --method all} an object whose "methods" array holds one such object per method (with
 * "error" in place of the fit where a method could not be fitted).
 */
final class CalibrationJson {

    /**
     * What was measured, as the report names it.
     *
     * @param outputs the outputs file
     * @param labels the labels file
     * @param kind logits, probabilities or log probabilities
     * @param bins B
     * @param bootstrap resamples
     * @param seed the bootstrap's seed
     * @param fittedOn the file a recalibration was fitted on
     */
    record Input(Path outputs, Path labels, String kind, int bins, int bootstrap, long seed, Path fittedOn) {
    }

    private CalibrationJson() {
    }

    /**
     * Writes the report (through a temporary file, so that a failure leaves no half file).
     * @param json the file
     * @param input what was measured
     * @param report the outputs' report
     * @param fit the fitted temperature, or null
     * @param method --method, or null
     * @param recalibrations the results of --method, empty without it
     * @throws IOException if the file cannot be written
     */
    static void write(Path json, Input input, CalibrationReport report, TemperatureFit fit, String method,
                      List<Recalibrations.Result> recalibrations) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode in = root.putObject("input");
        in.put("outputs", input.outputs().toString());
        in.put("labels", input.labels().toString());
        in.put("kind", input.kind());
        in.put("examples", report.size());
        in.put("classes", report.classes());
        ObjectNode settingsNode = root.putObject("settings");
        settingsNode.put("bins", input.bins());
        settingsNode.put("bootstrap_resamples", input.bootstrap());
        settingsNode.put("seed", input.seed());
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
        if (method == null) {
            root.putNull("recalibration");
        } else if (!method.equalsIgnoreCase("all")) {
            putRecalibration(root.putObject("recalibration"), recalibrations.get(0), input.fittedOn());
        } else {
            ObjectNode all = root.putObject("recalibration");
            all.put("method", "all");
            all.put("fitted_on", input.fittedOn().toString());
            ArrayNode methods = all.putArray("methods");
            for (Recalibrations.Result r : recalibrations) {
                putRecalibration(methods.addObject(), r, input.fittedOn());
            }
        }
        NewFile.write(json, tmp -> mapper.writeValue(tmp.toFile(), root));
    }

    private static void putRecalibration(ObjectNode node, Recalibrations.Result r, Path fittedOn) {
        node.put("method", r.calibrator().name());
        node.put("name", r.name());
        node.put("fitted_on", fittedOn.toString());
        if (r.map() == null) {
            node.put("error", r.error());
            return;
        }
        node.put("description", r.map().describe());
        ObjectNode parameters = node.putObject("parameters");
        r.map().parameters().forEach((name, values) -> {
            ArrayNode array = parameters.putArray(name);
            values.forEach(array::add);
        });
        putMeasurement(node, r.after());
    }

    /** Adds "metrics" (value, lower, upper per metric) and "bins" (every bin table) of a report. */
    static void putMeasurement(ObjectNode parent, CalibrationReport report) {
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
}
