package org.temper.onnx.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operator application. Omitted optional inputs are null entries in {@code inputs}.
 * Attribute values are Long, Double, long[], double[], String, String[], {@link TensorData} or
 * {@link Graph}.
 * @param opType the ONNX operator type, e.g. "Gemm"
 * @param domain the operator domain, "" for the default ONNX domain
 * @param name the node name, unique within the model
 * @param inputs the input values
 * @param outputs the output values
 * @param attributes the attributes by name
 */
public record Node(String opType, String domain, String name, List<Value> inputs, List<Value> outputs,
                   Map<String, Object> attributes) {

    /**
     * Copies the lists and map so that a node never changes after construction.
     * @param opType the ONNX operator type, e.g. "Gemm"
     * @param domain the operator domain, "" for the default ONNX domain
     * @param name the node name, unique within the model
     * @param inputs the input values
     * @param outputs the output values
     * @param attributes the attributes by name
     */
    public Node {
        inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        outputs = List.copyOf(outputs);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * @param i input index
     * @return that input, or null when absent
     */
    public Value input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    /**
     * @param i output index
     * @return that output
     */
    public Value output(int i) {
        return outputs.get(i);
    }

    /**
     * @param key attribute name
     * @param fallback value when absent
     * @return the integer attribute
     */
    public long intAttr(String key, long fallback) {
        Object v = attributes.get(key);
        return v == null ? fallback : (Long) v;
    }

    /**
     * @param key attribute name
     * @param fallback value when absent
     * @return the float attribute
     */
    public double floatAttr(String key, double fallback) {
        Object v = attributes.get(key);
        return v == null ? fallback : (Double) v;
    }

    /**
     * @param key attribute name
     * @return the integer-list attribute, or null when absent
     */
    public long[] intsAttr(String key) {
        return (long[]) attributes.get(key);
    }

    @Override
    public String toString() {
        return opType + "(" + name + ")";
    }
}
