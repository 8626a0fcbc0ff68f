/**
 * Training and inference programs: the epoch Loop assembled from a network, an objective, the
 * differentiator and an optimizer; the session that runs it with state kept in ONNX Runtime; the
 * inference graphs and the batched predictor.
 */
package org.temper.onnx.program;
