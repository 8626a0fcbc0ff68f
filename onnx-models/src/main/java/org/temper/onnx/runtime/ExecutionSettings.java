package org.temper.onnx.runtime;

/**
 * How sessions run: the device and the number of threads ONNX Runtime may use within an operator.
 * @param device CPU or a CUDA device
 * @param intraOpThreads threads per operator; 0 lets ONNX Runtime choose (one per core)
 */
public record ExecutionSettings(Device device, int intraOpThreads) {

    /** The CPU with ONNX Runtime's default thread count. */
    public static final ExecutionSettings DEFAULT = new ExecutionSettings(Device.CPU, 0);

    /**
     * Checks the thread count.
     * @param device CPU or a CUDA device
     * @param intraOpThreads threads per operator; 0 lets ONNX Runtime choose (one per core)
     */
    public ExecutionSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("Thread count must be >= 0 (0 = one per core), got " + intraOpThreads);
        }
    }
}
