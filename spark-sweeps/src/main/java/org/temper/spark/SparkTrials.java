package org.temper.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.temper.calibration.Metric;

import java.util.ArrayList;
import java.util.List;

/**
 * The Spark side of a sweep: one task per trial, each run by {@link TrialTask} on its executor with the
 * task's CPUs and GPU, and the results as a {@code Dataset<Row>}.
 */
final class SparkTrials {

    /** The resource name of GPUs in Spark's resource scheduling. */
    static final String GPU = "gpu";

    private SparkTrials() {
    }

    /**
     * @param spark the session
     * @param todo the trials to run
     * @param data their data
     * @param measures what they measure
     * @param out the sweep's folder
     * @return their results, collected to the driver (a few numbers each)
     */
    static List<TrialResult> run(SparkSession spark, List<Trial> todo, SweepData data, Measures measures,
                                 String out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription("temper sweep of " + todo.size() + " trials into " + out);
        return jsc.parallelize(todo, todo.size()).map(t -> {
            TaskContext task = TaskContext.get();
            ResourceInformation gpu = task.resourcesJMap().get(GPU);
            String device = gpu == null || gpu.addresses().length == 0 ? null : "cuda:" + gpu.addresses()[0];
            return TrialTask.run(t, data, measures, out, device, task.cpus());
        }).collect();
    }

    /**
     * @param spark the session
     * @param sweep the sweep (its grid keys and measures name the columns)
     * @param results every trial's result
     * @return one row per trial
     */
    static Dataset<Row> rows(SparkSession spark, Sweep sweep, List<TrialResult> results) {
        List<StructField> fields = new ArrayList<>();
        fields.add(field("trial", DataTypes.IntegerType));
        fields.add(field("status", DataTypes.StringType));
        fields.add(field("message", DataTypes.StringType));
        sweep.gridKeys().forEach(k -> fields.add(field(k, DataTypes.StringType)));
        sweep.measures().metrics().forEach(m -> fields.add(field(m.key(), DataTypes.DoubleType)));
        fields.add(field("epochs", DataTypes.IntegerType));
        fields.add(field("seconds", DataTypes.DoubleType));
        fields.add(field("host", DataTypes.StringType));
        fields.add(field("device", DataTypes.StringType));
        fields.add(field("threads", DataTypes.IntegerType));
        fields.add(field("settings", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)));
        List<Row> rows = new ArrayList<>();
        for (TrialResult r : results) {
            List<Object> v = new ArrayList<>(List.of(r.trial(), r.status()));
            v.add(r.message());
            sweep.gridKeys().forEach(k -> v.add(r.point().get(k)));
            for (Metric m : sweep.measures().metrics()) {
                v.add(r.metrics().get(m.key()));
            }
            v.addAll(List.of(r.epochs(), r.seconds(), r.host(), r.device(), r.threads()));
            v.add(r.settings());
            rows.add(RowFactory.create(v.toArray()));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
