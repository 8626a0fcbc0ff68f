package org.temper.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtLoggingLevel;

import java.util.EnumSet;

/**
 * The one ONNX Runtime environment of the process, and the place where sessions are opened on a
 * chosen device. Asking for CUDA where it cannot load is an error that says why, never a silent
 * fall back to the CPU.
 */
public final class OrtRuntime {

    private OrtRuntime() {
    }

    /** @return the process-wide environment. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "temper");
    }

    /**
     * Opens a session on a serialized ONNX model.
     * @param model the model bytes
     * @param settings device and threads
     * @return the open session; the caller closes it
     * @throws OrtException when ONNX Runtime rejects the model
     * @throws DeviceUnavailableException when CUDA was asked for and cannot be used
     */
    public static OrtSession open(byte[] model, ExecutionSettings settings) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (settings.device().kind() == Device.Kind.CUDA) {
                addCuda(options, settings.device().index());
            }
            return OrtThreads.run(() -> environment().createSession(model, options));
        }
    }

    private static void addCuda(OrtSession.SessionOptions options, int index) {
        EnumSet<ai.onnxruntime.OrtProvider> available = OrtEnvironment.getAvailableProviders();
        if (!available.contains(ai.onnxruntime.OrtProvider.CUDA)) {
            throw new DeviceUnavailableException("CUDA was requested but this ONNX Runtime build has no CUDA"
                    + " execution provider (available: " + available + "). Put com.microsoft.onnxruntime:onnxruntime_gpu"
                    + " on the class path in place of onnxruntime (the Maven profile 'gpu' does this), or use --device cpu.");
        }
        try {
            options.addCUDA(index);
        } catch (OrtException e) {
            throw new DeviceUnavailableException("CUDA device " + index + " could not be used: " + e.getMessage()
                    + ". onnxruntime_gpu 1.29 needs an NVIDIA driver, CUDA 12 (libcudart 12.8 or newer, libcublas,"
                    + " libcurand) and cuDNN 9 on LD_LIBRARY_PATH; or use --device cpu.", e);
        }
    }
}
