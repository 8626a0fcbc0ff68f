package org.temper.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.temper.examples.reproduce.Reproduction;
import org.temper.spark.SparkReproduction;

import java.io.IOException;
import java.util.List;

/**
 * {@code temper reproduce NAME --master ...}: the experiment's command line as {@code temper reproduce}
 * runs it, its missing trials run as Spark tasks ({@link SparkReproduction}) into the same folder, and
 * its report written from the folder as in-process. The {@code ./temper} launcher runs this class when
 * {@code reproduce} is given {@code --master}; under {@code spark-submit
 * --class org.temper.spark.cli.ReproduceOnSpark} the master is spark-submit's.
 */
public final class ReproduceOnSpark {

    private ReproduceOnSpark() {
    }

    /**
     * Runs the command line and exits with its code: 0 when every trial finished, 1 when some failed,
     * 2 for bad input or an unreachable master.
     * @param args the arguments after {@code reproduce}: the experiment's name and its options
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    /**
     * @param args the arguments after {@code reproduce}
     * @return the exit code
     */
    static int run(List<String> args) {
        String master = master(args);
        if (SparkSessions.effective(master) == null || args.isEmpty()) {
            return Reproduction.run(args, null);
        }
        SparkSession spark;
        try {
            spark = SparkSessions.start(master, "temper reproduce " + args.get(0));
        } catch (IOException e) {
            System.err.println("temper reproduce: " + e.getMessage());
            return SweepCommand.BAD_INPUT;
        }
        try {
            return Reproduction.run(args, new SparkReproduction(spark, args));
        } finally {
            spark.stop();
        }
    }

    /**
     * @param args the arguments
     * @return the value of --master among them, or null
     */
    static String master(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--master") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith("--master=")) {
                return args.get(i).substring("--master=".length());
            }
        }
        return null;
    }
}
