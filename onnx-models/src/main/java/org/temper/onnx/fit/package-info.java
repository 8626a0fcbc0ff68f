/**
 * The fit loop: training configuration, epochs with validation, early stopping, time budget,
 * stop requests and divergence detection, and progress listeners.
 */
package org.temper.onnx.fit;
