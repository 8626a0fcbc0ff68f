package org.temper.onnx.runtime;

import ai.onnxruntime.OrtException;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A training run, or a model's inference, that ran out of device memory, with the batch size it ran
 * at and, when ONNX Runtime said it, the size of the allocation that failed. The session it came from
 * stays usable and can be closed as usual, so the process can go on, for example with a smaller batch.
 */
public final class DeviceMemoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What ONNX Runtime's arena, the CUDA runtime, cuBLAS and cuDNN say when an allocation fails. */
    private static final List<String> SIGNS = List.of("Failed to allocate memory", "out of memory",
            "cudaErrorMemoryAllocation", "CUBLAS_STATUS_ALLOC_FAILED", "CUDNN_STATUS_ALLOC_FAILED");
    private static final Pattern REQUESTED = Pattern.compile("requested buffer of size (\\d+)");

    private final int batchSize;
    private final OptionalLong requestedBytes;

    private DeviceMemoryException(String message, int batchSize, OptionalLong requestedBytes, OrtException cause) {
        super(message, cause);
        this.batchSize = batchSize;
        this.requestedBytes = requestedBytes;
    }

    /**
     * Recognises an out-of-memory failure of a training run.
     * @param e what the run threw
     * @param settings the device and CUDA settings the session runs with
     * @param batchSize the examples per step of the run
     * @return the clear error when {@code e} is an allocation failure, otherwise null
     */
    public static DeviceMemoryException recognise(OrtException e, ExecutionSettings settings, int batchSize) {
        return recognise(e, settings, batchSize, null);
    }

    /**
     * Recognises an out-of-memory failure of a model's inference run.
     * @param e what the run threw
     * @param settings the device and CUDA settings the session runs with
     * @param batchSize the examples of the run
     * @param model how to name the model (its file)
     * @return the clear error when {@code e} is an allocation failure, otherwise null
     */
    public static DeviceMemoryException recogniseInference(OrtException e, ExecutionSettings settings, int batchSize,
                                                           String model) {
        return recognise(e, settings, batchSize, model);
    }

    private static DeviceMemoryException recognise(OrtException e, ExecutionSettings settings, int batchSize,
                                                   String model) {
        String m = String.valueOf(e.getMessage());
        if (SIGNS.stream().noneMatch(m::contains)) {
            return null;
        }
        Matcher r = REQUESTED.matcher(m);
        OptionalLong bytes = r.find() ? OptionalLong.of(Long.parseLong(r.group(1))) : OptionalLong.empty();
        boolean cuda = settings.device().kind() == Device.Kind.CUDA;
        StringBuilder s = new StringBuilder(cuda ? "CUDA device " + settings.device().index() : "The CPU")
                .append(" ran out of memory ").append(model == null ? "training" : "running " + model)
                .append(" at batch size ").append(batchSize);
        bytes.ifPresent(b -> s.append(" (ONNX Runtime asked for ").append(size(b)).append(" more)"));
        long limit = cuda ? settings.cuda().memoryLimitBytes() : 0;
        String raise = limit > 0 ? "raise the CUDA memory limit of " + size(limit) + ", " : "";
        if (model == null) {
            s.append(". Train with a smaller batch (for example --batch ").append(Math.max(1, batchSize / 2))
                    .append(')');
            if (cuda) {
                s.append(", ").append(raise).append("or free the GPU of other processes (nvidia-smi lists them)");
            }
        } else if (cuda) {
            s.append(". ").append(limit > 0 ? "Raise the CUDA memory limit of " + size(limit) + ", f" : "F")
                    .append("ree the GPU of other processes (nvidia-smi lists them), or run the model on the CPU");
        } else {
            s.append(". Free memory of other processes");
        }
        s.append(". ONNX Runtime said: ").append(firstLine(m));
        return new DeviceMemoryException(s.toString(), batchSize, bytes, e);
    }

    /** @return the examples per step of the training run, or of the inference run, that failed */
    public int batchSize() {
        return batchSize;
    }

    /** @return the size of the allocation that failed, when ONNX Runtime said it */
    public OptionalLong requestedBytes() {
        return requestedBytes;
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    private static String firstLine(String m) {
        String t = m.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
