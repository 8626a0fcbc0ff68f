/**
 * ONNX Runtime: the process-wide environment, device choice (CPU or CUDA) with clear errors,
 * sessions and tensor conversion through direct buffers.
 */
package org.temper.onnx.runtime;
