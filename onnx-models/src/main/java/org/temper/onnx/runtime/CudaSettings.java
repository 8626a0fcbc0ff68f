package org.temper.onnx.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How ONNX Runtime's CUDA execution provider is set up for a session, chosen for training graphs
 * whose shapes never change during a session (the epoch Loop gathers batches of one size):
 * <ul>
 *   <li>cuDNN convolution algorithms found by {@link ConvolutionSearch#EXHAUSTIVE} search: it times
 *       every algorithm once per shape, at the first step of a session, and every later step runs
 *       the fastest; HEURISTIC would skip the timing at the price of slower steps;</li>
 *   <li>the memory arena grown by exactly what is asked ({@link ArenaExtension#SAME_AS_REQUESTED}):
 *       a training step allocates the same buffers every iteration, so doubling chunks would only
 *       reserve memory that is never used, and make an out-of-memory error come sooner;</li>
 *   <li>no arena limit by default (the card's memory bounds it), or {@code memoryLimitBytes};</li>
 *   <li>copies on the compute stream (ONNX Runtime's default; separate streams can race);</li>
 *   <li>TF32 off: float32 products stay float32, as on the CPU, so CUDA and CPU results agree to
 *       float32 rounding (ONNX Runtime's own default turns TF32 on).</li>
 * </ul>
 * @param memoryLimitBytes the most bytes the CUDA arena may hold, 0 for no limit
 * @param arenaExtension how the arena grows
 * @param convolutionSearch how cuDNN chooses convolution algorithms
 * @param copyInDefaultStream whether host-device copies run on the compute stream
 * @param tf32 whether float32 products may use TF32 tensor cores
 */
public record CudaSettings(long memoryLimitBytes, ArenaExtension arenaExtension, ConvolutionSearch convolutionSearch,
                           boolean copyInDefaultStream, boolean tf32) {

    /** The settings above with no memory limit. */
    public static final CudaSettings DEFAULT = new CudaSettings(0, ArenaExtension.SAME_AS_REQUESTED,
            ConvolutionSearch.EXHAUSTIVE, true, false);

    /** How the CUDA memory arena grows when it needs more (provider option {@code arena_extend_strategy}). */
    public enum ArenaExtension {
        /** By the next power of two of what is asked (ONNX Runtime's default). */
        NEXT_POWER_OF_TWO("kNextPowerOfTwo"),
        /** By exactly what is asked. */
        SAME_AS_REQUESTED("kSameAsRequested");

        private final String option;

        ArenaExtension(String option) {
            this.option = option;
        }
    }

    /** How cuDNN picks a convolution algorithm (provider option {@code cudnn_conv_algo_search}). */
    public enum ConvolutionSearch {
        /** Times every algorithm once per shape and keeps the fastest (ONNX Runtime's default). */
        EXHAUSTIVE,
        /** cuDNN's heuristic choice, without timing. */
        HEURISTIC,
        /** cuDNN's default algorithm. */
        DEFAULT
    }

    /**
     * Checks the memory limit.
     * @param memoryLimitBytes the most bytes the CUDA arena may hold, 0 for no limit
     * @param arenaExtension how the arena grows
     * @param convolutionSearch how cuDNN chooses convolution algorithms
     * @param copyInDefaultStream whether host-device copies run on the compute stream
     * @param tf32 whether float32 products may use TF32 tensor cores
     */
    public CudaSettings {
        if (memoryLimitBytes < 0) {
            throw new IllegalArgumentException("CUDA memory limit must be >= 0 bytes (0 = no limit), got "
                    + memoryLimitBytes);
        }
        if (arenaExtension == null || convolutionSearch == null) {
            throw new IllegalArgumentException("CUDA arena extension and convolution search must be given");
        }
    }

    /**
     * @param bytes the most bytes the CUDA arena may hold, 0 for no limit
     * @return these settings with that limit
     */
    public CudaSettings withMemoryLimit(long bytes) {
        return new CudaSettings(bytes, arenaExtension, convolutionSearch, copyInDefaultStream, tf32);
    }

    /**
     * The provider options of ONNX Runtime's CUDA execution provider for these settings, as its
     * string keys and values.
     * @param deviceId the CUDA device number
     * @return the options in a stable order
     */
    public Map<String, String> providerOptions(int deviceId) {
        if (deviceId < 0) {
            throw new IllegalArgumentException("CUDA device id must be >= 0, got " + deviceId);
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("device_id", Integer.toString(deviceId));
        m.put("arena_extend_strategy", arenaExtension.option);
        if (memoryLimitBytes > 0) {
            m.put("gpu_mem_limit", Long.toString(memoryLimitBytes));
        }
        m.put("cudnn_conv_algo_search", convolutionSearch.name());
        m.put("do_copy_in_default_stream", copyInDefaultStream ? "1" : "0");
        m.put("use_tf32", tf32 ? "1" : "0");
        return m;
    }
}
