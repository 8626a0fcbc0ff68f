/**
 * Training programs: the epoch Loop assembled from a network, an objective, the differentiator and
 * an optimizer, and the session that runs it with state kept in ONNX Runtime.
 */
package org.temper.onnx.program;
