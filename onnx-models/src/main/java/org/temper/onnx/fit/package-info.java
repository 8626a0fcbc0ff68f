/**
 * The fit loop: training configuration, epochs with validation, early stopping, time budget,
 * stop requests and divergence detection, progress listeners, and trained networks saved as
 * ordinary ONNX inference models.
 */
package org.temper.onnx.fit;
