package org.temper.onnx.graph;

/**
 * A named tensor in a graph, with its element type and shape. Values are produced by graph
 * inputs, initializers or nodes, and are compared by name.
 * @param name the unique name within the model
 * @param dtype the element type
 * @param shape the shape, possibly with symbolic or unknown dimensions
 */
public record Value(String name, DType dtype, Shape shape) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + ":" + dtype + shape;
    }
}
