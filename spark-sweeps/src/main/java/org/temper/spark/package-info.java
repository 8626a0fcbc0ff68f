/**
 * Sweeps: grids or lists of training recipes ({@link org.temper.spark.Sweep}), each trial trained by the
 * engine's one recipe and measured by calibration's report, run in this JVM or as Apache Spark tasks
 * (one per trial) on a laptop's cores or a cluster, with results stored per trial in the sweep's folder
 * so that a rerun resumes, as JSON lines and as a {@code Dataset<Row>}.
 */
package org.temper.spark;
