package org.temper.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.temper.calibration.Metric;
import org.temper.onnx.recipe.Recipe;
import org.temper.spark.Measures;
import org.temper.spark.Sweep;
import org.temper.spark.SweepData;
import org.temper.spark.TrialResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code temper sweep}: a grid of training recipes run in this process or on Spark. The main class of
 * the module's assembly jar, so that {@code spark-submit --class org.temper.spark.cli.SweepCommand} runs
 * the same command on a cluster (the master then comes from spark-submit).
 */
@Command(name = "temper sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train and measure a grid of recipes, one trial per grid point, in this process or as"
                + " Spark tasks. Results go to --out as one JSON file per trial (a rerun computes only the"
                + " missing and the failed ones) and results.jsonl.",
            "Settings are named as in docs/settings.md and written as `temper train` prints them, e.g."
                + " --set epochs=5 --set hidden=128 --grid alpha=0,0.05,0.1 --grid seed=1,2,3."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every trial finished", "1:some trials failed (listed, and recorded in --out)",
            "2:bad input, nothing run"})
public final class SweepCommand implements Callable<Integer> {

    /** Exit code when some trials failed. */
    static final int SOME_FAILED = 1;
    /** Exit code of bad input. */
    static final int BAD_INPUT = 2;

    @Option(names = "--master", paramLabel = "local[N]|spark://HOST:PORT|yarn|k8s://...",
            description = "Run the trials as Spark tasks on this master (under spark-submit: its --master)."
                    + " Without it, and outside spark-submit, the trials run one after the other in this process.")
    String master;

    @Option(names = "--grid", paramLabel = "SETTING=V1,V2,...", description = "A setting and the values it takes;"
            + " repeat for more settings (every combination is a trial, the last one varying fastest). For a"
            + " list-valued setting separate the values by ';', e.g. hidden=128;256,128.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--set", paramLabel = "SETTING=VALUE", description = "A setting every trial shares, e.g."
            + " epochs=5; repeat for more. The rest are the defaults of docs/settings.md.")
    List<String> set = new ArrayList<>();

    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "fashion-mnist|DIR",
            description = "'fashion-mnist' (Debian's dataset-fashion-mnist) or a folder of MNIST-style IDX files,"
                    + " at the same path on every node. Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Train on the first N training examples only (0: all).")
    int limit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "Measure on the first N test examples only (0: all).")
    int testLimit;

    @Option(names = "--measure", split = ",", paramLabel = "METRIC,...",
            description = "What each trial measures on the test set: accuracy, ece, adaptive_ece, mce,"
                    + " classwise_ece, rms_calibration_error, brier, nll, mean_confidence."
                    + " Default: accuracy,ece,nll,brier,mean_confidence.")
    List<String> measure;

    @Option(names = "--bins", defaultValue = "15", description = "Bins of the binned metrics. Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The sweep's folder (new, empty, or this same sweep's to resume it), at the same path on"
                    + " every node for results to be stored as each trial ends.")
    Path out;

    /**
     * Runs the command line.
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command line, a bad value or input one clear line and exit code 2 */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SweepCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException) {
                cmd.getErr().println("temper sweep: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public Integer call() throws IOException {
        Sweep sweep = sweep();
        String sparkMaster = SparkSessions.effective(master);
        List<TrialResult> results;
        if (sparkMaster == null) {
            System.out.printf(Locale.ROOT, "Running %d trials in this process into %s%n", sweep.trials().size(), out);
            results = sweep.runInProcess();
        } else {
            SparkSession spark = SparkSessions.start(master, "temper sweep " + out.getFileName());
            System.out.printf(Locale.ROOT, "Running %d trials on %s into %s%n", sweep.trials().size(), sparkMaster,
                    out);
            try {
                results = sweep.runTrials(spark);
            } finally {
                spark.stop();
            }
        }
        print(sweep, results, System.out);
        return results.stream().allMatch(TrialResult::ok) ? 0 : SOME_FAILED;
    }

    /**
     * @return the sweep these options describe, every trial checked
     * @throws IllegalArgumentException naming the option and setting that is wrong
     */
    Sweep sweep() {
        Recipe.Builder base = Recipe.builder();
        for (String s : set) {
            String[] kv = pair("--set", s);
            try {
                base.set(kv[0], kv[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set " + s + ": " + e.getMessage(), e);
            }
        }
        Recipe recipe;
        try {
            recipe = base.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set: " + e.getMessage(), e);
        }
        Map<String, List<String>> points = new LinkedHashMap<>();
        for (String g : grid) {
            String[] kv = pair("--grid", g);
            String separator = kv[1].contains(";") ? ";" : ",";
            if (points.put(kv[0], Arrays.stream(kv[1].split(separator, -1)).map(String::strip).toList()) != null) {
                throw new IllegalArgumentException("--grid " + kv[0] + " is given twice; give its values once");
            }
        }
        List<Metric> metrics = measure == null ? Measures.DEFAULT.metrics()
                : measure.stream().map(Metric::fromKey).toList();
        return Sweep.of(recipe, points, new SweepData(data, limit, testLimit), out)
                .measuring(new Measures(metrics, bins));
    }

    private static String[] pair(String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " " + text + ": write SETTING=VALUE, e.g. " + option
                    + (option.equals("--grid") ? " alpha=0,0.1" : " epochs=5"));
        }
        return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1).strip()};
    }

    /**
     * Prints one line per trial: its grid point, its figures or why it failed.
     * @param sweep the sweep
     * @param results its results
     * @param to where
     */
    static void print(Sweep sweep, List<TrialResult> results, PrintStream to) {
        List<String> keys = sweep.measures().metrics().stream().map(Metric::key).toList();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%5s", "trial"));
        sweep.gridKeys().forEach(k -> head.append(String.format(Locale.ROOT, " %12s", k)));
        keys.forEach(k -> head.append(String.format(Locale.ROOT, " %10s", k.length() > 10 ? k.substring(0, 10) : k)));
        to.println(head.append(String.format(Locale.ROOT, " %8s  %s", "seconds", "host")));
        long failed = 0;
        for (TrialResult r : results) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d", r.trial()));
            sweep.gridKeys().forEach(k -> line.append(String.format(Locale.ROOT, " %12s", r.point().get(k))));
            if (r.ok()) {
                keys.forEach(k -> line.append(String.format(Locale.ROOT, " %10.4f", r.metrics().get(k))));
                line.append(String.format(Locale.ROOT, " %8.1f  %s", r.seconds(), r.host()));
            } else {
                failed++;
                line.append("  FAILED: ").append(r.message());
            }
            to.println(line);
        }
        to.printf(Locale.ROOT, "%d trials, %d failed; results in %s%n", results.size(), failed,
                sweep.out().resolve("results.jsonl"));
    }
}
