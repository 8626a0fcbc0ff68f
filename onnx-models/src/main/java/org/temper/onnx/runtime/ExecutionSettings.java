package org.temper.onnx.runtime;

import java.nio.file.Path;

/**
 * How sessions run: the device, the number of threads ONNX Runtime may use within an operator, the
 * CUDA provider's settings (used only on a CUDA device), and where ONNX Runtime writes a profile.
 * @param device CPU or a CUDA device
 * @param intraOpThreads threads per operator; 0 lets ONNX Runtime choose (one per core)
 * @param cuda the CUDA execution provider's settings
 * @param profile the file-name prefix of ONNX Runtime's per-session JSON profile, or null for none
 */
public record ExecutionSettings(Device device, int intraOpThreads, CudaSettings cuda, Path profile) {

    /** The CPU with ONNX Runtime's default thread count. */
    public static final ExecutionSettings DEFAULT = new ExecutionSettings(Device.CPU, 0);

    /**
     * Checks the settings.
     * @param device CPU or a CUDA device
     * @param intraOpThreads threads per operator; 0 lets ONNX Runtime choose (one per core)
     * @param cuda the CUDA execution provider's settings
     * @param profile the file-name prefix of ONNX Runtime's per-session JSON profile, or null for none
     */
    public ExecutionSettings {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("Thread count must be >= 0 (0 = one per core), got " + intraOpThreads);
        }
        if (device == null || cuda == null) {
            throw new IllegalArgumentException("A device and CUDA settings must be given");
        }
    }

    /**
     * The default CUDA settings ({@link CudaSettings#DEFAULT}) and no profile.
     * @param device CPU or a CUDA device
     * @param intraOpThreads threads per operator; 0 lets ONNX Runtime choose (one per core)
     */
    public ExecutionSettings(Device device, int intraOpThreads) {
        this(device, intraOpThreads, CudaSettings.DEFAULT, null);
    }

    /**
     * @param settings the CUDA execution provider's settings
     * @return these settings with those
     */
    public ExecutionSettings withCuda(CudaSettings settings) {
        return new ExecutionSettings(device, intraOpThreads, settings, profile);
    }

    /**
     * @param prefix the file-name prefix of ONNX Runtime's JSON profile of each session (ONNX Runtime
     *               appends the time and {@code .json}), or null for none
     * @return these settings with that profile
     */
    public ExecutionSettings withProfile(Path prefix) {
        return new ExecutionSettings(device, intraOpThreads, cuda, prefix);
    }
}
