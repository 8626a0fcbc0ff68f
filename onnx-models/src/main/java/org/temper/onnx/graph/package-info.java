/**
 * The graph IR: typed values with symbolic shapes, nodes, graphs and subgraphs, the builder that
 * infers shapes as operators are added, and conversion to and from ONNX protobuf models.
 */
package org.temper.onnx.graph;
