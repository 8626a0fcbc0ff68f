/** Benchmarks run by hand (not unit tests); see BENCHMARKS.md. */
package org.temper.calibration.bench;
