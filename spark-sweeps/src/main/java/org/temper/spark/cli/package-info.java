/**
 * The {@code temper sweep} command line ({@link org.temper.spark.cli.SweepCommand}), the main class of the
 * module's assembly jar for {@code spark-submit} and of the {@code ./temper sweep} launcher.
 */
package org.temper.spark.cli;
