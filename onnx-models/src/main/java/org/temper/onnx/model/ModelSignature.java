package org.temper.onnx.model;

import org.temper.onnx.program.ProgramNames;

import java.util.Arrays;
import java.util.Objects;

/**
 * How to call a classifier model: the names of its input, its classifier output and, where the
 * model has them, its probabilities and penultimate outputs; the shape of one example and the
 * number of classes.
 * @param input the input name
 * @param logits the classifier output's name (logits in Temper's models; a foreign model's first output)
 * @param probabilities the probabilities output's name, or null
 * @param penultimate the penultimate activations' output name, or null
 * @param exampleShape the shape of one example (the input without its batch dimension)
 * @param numClasses the width of the classifier output
 */
public record ModelSignature(String input, String logits, String probabilities, String penultimate,
                             long[] exampleShape, int numClasses) {

    /**
     * Copies the shape.
     * @param input the input name
     * @param logits the classifier output's name (logits in Temper's models; a foreign model's first output)
     * @param probabilities the probabilities output's name, or null
     * @param penultimate the penultimate activations' output name, or null
     * @param exampleShape the shape of one example (the input without its batch dimension)
     * @param numClasses the width of the classifier output
     */
    public ModelSignature {
        exampleShape = exampleShape.clone();
    }

    /**
     * @param input the input name
     * @param logits the classifier output's name
     * @param exampleShape the shape of one example
     * @param numClasses the width of the classifier output
     */
    public ModelSignature(String input, String logits, long[] exampleShape, int numClasses) {
        this(input, logits, null, null, exampleShape, numClasses);
    }

    /**
     * @param exampleShape the shape of one example
     * @param numClasses number of classes
     * @return the signature of Temper's own inference models
     */
    public static ModelSignature temper(long[] exampleShape, int numClasses) {
        return new ModelSignature(ProgramNames.INPUT, ProgramNames.LOGITS, ProgramNames.PROBABILITIES,
                ProgramNames.PENULTIMATE, exampleShape, numClasses);
    }

    /** @return a copy of the shape of one example */
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
                && Objects.equals(s.probabilities, probabilities)
                && Objects.equals(s.penultimate, penultimate) && Arrays.equals(s.exampleShape, exampleShape) && s.numClasses == numClasses;
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
