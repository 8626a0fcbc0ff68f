package org.temper.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.SparkSession;
import org.temper.examples.reproduce.Reproduction;
import org.temper.examples.reproduce.TrialExecutor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@code temper reproduce} experiment's missing trials as Spark tasks, one task per trial: a
 * task gets only the command's arguments and the trial's key, rebuilds the experiment from them
 * ({@link Reproduction#runTrial}) and stores the trial, or its failure, in the experiment's folder,
 * which must be at the same path on every node, as must {@code --data}. A task that Spark assigned a GPU
 * trains on it ({@code --device cuda:N}); a task lost with its executor is retried by Spark and finds
 * the trial stored if the lost attempt had finished it.
 *
 * <pre>{@code
 * List<String> args = List.of("smoothing", "--quick", "--seeds", "3", "--out", "/shared/smoothing");
 * int code = Reproduction.run(args, new SparkReproduction(spark, args));
 * }</pre>
 */
public final class SparkReproduction implements TrialExecutor {

    private final SparkSession spark;
    private final ArrayList<String> args;

    /**
     * @param spark the session the tasks run on
     * @param args the arguments after {@code reproduce}, as the command got them
     */
    public SparkReproduction(SparkSession spark, List<String> args) {
        this.spark = spark;
        this.args = new ArrayList<>(args);
    }

    /**
     * @param keys the trials of one stage, one task each
     * @throws IOException when Spark gives up on a task (its trial could not even be planned, e.g. the
     *         data unreadable on its host, on every attempt), with the task's message
     */
    @Override
    public void run(List<String> keys) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("temper reproduce " + args.get(0) + ": " + keys.size() + " trials");
        ArrayList<String> taskArgs = args;
        try {
            jsc.parallelize(keys, keys.size()).foreach(key -> runTask(taskArgs, key));
        } catch (Exception e) { // a SparkException, which Scala does not declare
            throw new IOException("Spark gave up on a trial of reproduce " + args.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A task's work: the trial, on the task's GPU when Spark assigned one.
     * @param args the command's arguments
     * @param key the trial
     * @throws IllegalStateException naming the host when the trial cannot be planned there
     */
    private static void runTask(List<String> args, String key) {
        ResourceInformation gpu = TaskContext.get().resourcesJMap().get(SparkTrials.GPU);
        List<String> here = gpu == null || gpu.addresses().length == 0 ? args
                : withDevice(args, "cuda:" + gpu.addresses()[0]);
        try {
            Reproduction.runTrial(here, key, System.out);
        } catch (Exception e) {
            throw new IllegalStateException("host " + TrialTask.host() + ", trial " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param args the command's arguments
     * @param device a device
     * @return the arguments with --device replaced by this one
     */
    static List<String> withDevice(List<String> args, String device) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--device")) {
                i++;
            } else if (!a.startsWith("--device=")) {
                out.add(a);
            }
        }
        out.addAll(List.of("--device", device));
        return out;
    }
}
