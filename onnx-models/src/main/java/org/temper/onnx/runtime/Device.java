package org.temper.onnx.runtime;

import java.util.Locale;

/**
 * Where ONNX Runtime executes a graph: the CPU, or CUDA device n.
 * @param kind CPU or CUDA
 * @param index the CUDA device number (0 for the CPU)
 */
public record Device(Kind kind, int index) {

    /** The two execution providers Temper supports. */
    public enum Kind {
        /** ONNX Runtime's default CPU execution provider. */
        CPU,
        /** The CUDA execution provider of the onnxruntime_gpu build. */
        CUDA
    }

    /** The CPU. */
    public static final Device CPU = new Device(Kind.CPU, 0);

    /**
     * Parses "cpu", "cuda" or "cuda:N".
     * @param text the device text
     * @return the device
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Device parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return CPU;
        }
        if (t.equals("cuda") || t.equals("gpu")) {
            return new Device(Kind.CUDA, 0);
        }
        if (t.startsWith("cuda:")) {
            try {
                int n = Integer.parseInt(t.substring(5));
                if (n >= 0) {
                    return new Device(Kind.CUDA, n);
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("Unknown device '" + text + "': use cpu, cuda or cuda:N (N >= 0)");
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
