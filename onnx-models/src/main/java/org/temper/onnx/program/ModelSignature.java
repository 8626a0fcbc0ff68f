package org.temper.onnx.program;

import java.util.Arrays;

/**
 * How to call a classifier model: the names of its input and logits output, the shape of one
 * example and the number of classes.
 * @param input the input name
 * @param logits the logits output name
 * @param exampleShape the shape of one example (the input without its batch dimension)
 * @param numClasses the width of the logits
 */
public record ModelSignature(String input, String logits, long[] exampleShape, int numClasses) {

    /** Copies the shape. */
    public ModelSignature {
        exampleShape = exampleShape.clone();
    }

    /**
     * @param exampleShape the shape of one example
     * @param numClasses number of classes
     * @return the signature of Temper's own inference models
     */
    public static ModelSignature temper(long[] exampleShape, int numClasses) {
        return new ModelSignature(ProgramNames.INPUT, ProgramNames.LOGITS, exampleShape, numClasses);
    }

    @Override
    public long[] exampleShape() {
        return exampleShape.clone();
    }

    /** @return the number of values in one example. */
    public int exampleSize() {
        return Math.toIntExact(Arrays.stream(exampleShape).reduce(1, (a, b) -> a * b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSignature s && s.input.equals(input) && s.logits.equals(logits)
                && Arrays.equals(s.exampleShape, exampleShape) && s.numClasses == numClasses;
    }

    @Override
    public int hashCode() {
        return input.hashCode() * 31 + Arrays.hashCode(exampleShape) + numClasses;
    }

    @Override
    public String toString() {
        return input + Arrays.toString(exampleShape) + " -> " + logits + "[" + numClasses + "]";
    }
}
