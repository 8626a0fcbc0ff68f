/** Benchmarks run by hand (not unit tests); see calibration/BENCHMARKS-calibration.md. */
package org.temper.calibration.bench;
