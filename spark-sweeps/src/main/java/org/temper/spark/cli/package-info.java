/**
 * The command lines of the module's assembly jar, for {@code spark-submit} and the {@code ./temper}
 * launcher: {@code temper sweep} ({@link org.temper.spark.cli.SweepCommand}, the jar's main class) and
 * {@code temper reproduce NAME --master ...} ({@link org.temper.spark.cli.ReproduceOnSpark}).
 */
package org.temper.spark.cli;
