package org.temper.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one ONNX Runtime environment of the process, and the place where sessions are opened on a
 * chosen device. Asking for CUDA where it cannot load is an error that says why, never a silent
 * fall back to the CPU.
 * <p>The environment owns process-wide thread pools (one intra-op thread per core, one inter-op
 * thread); every session opened with a thread count of 0 runs on them, so the number of native
 * threads does not grow with the number of open sessions. A session asked for an explicit thread
 * count gets its own pool of that size, released when the session closes. When another library
 * created ONNX Runtime's environment before Temper did, no shared pools can exist and every session
 * has its own pool; {@link #sharesThreadPools()} says which case holds.
 * <p>ONNX Runtime copies its native libraries out of its jar into a temporary folder at every
 * start (for onnxruntime_gpu, about 600 MB), unless the system property {@value #NATIVE_PATH}
 * names a folder that holds them; the {@code ./temper} launcher sets it. A folder named there
 * without the libraries is an error that says so before ONNX Runtime starts.
 */
public final class OrtRuntime {

    /** The system property that names a folder holding ONNX Runtime's native libraries. */
    public static final String NATIVE_PATH = "onnxruntime.native.path";

    private static final Logger LOG = Logger.getLogger(OrtRuntime.class.getName());
    private static final String NAME = "temper";
    private static final OrtLoggingLevel LEVEL = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
    private static final boolean SHARED_POOLS = createEnvironment();

    private OrtRuntime() {
    }

    private static boolean createEnvironment() {
        checkNativePath(System.getProperty(NATIVE_PATH));
        try (OrtEnvironment.ThreadingOptions pools = new OrtEnvironment.ThreadingOptions()) {
            pools.setGlobalIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            pools.setGlobalInterOpNumThreads(1);
            OrtThreads.run(new EnvironmentStart(LEVEL, NAME, pools));
            return true;
        } catch (IllegalStateException e) {
            LOG.warning("ONNX Runtime's environment was created before Temper's (" + e.getMessage()
                    + "): every session gets its own thread pool");
            return false;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not set up its thread pools: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a native-library folder holds the libraries ONNX Runtime loads from it.
     * @param folder the value of {@value #NATIVE_PATH}, or null when it is not set
     * @throws IllegalStateException naming the folder, the missing files and the fix
     */
    static void checkNativePath(String folder) {
        if (folder == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
            String file = System.mapLibraryName(library);
            if (!Files.isRegularFile(Path.of(folder, file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("-D" + NATIVE_PATH + "=" + folder + " has no " + String.join(" or ", missing)
                    + ": name a folder holding the native libraries of the ONNX Runtime jar on the class path"
                    + " (ai/onnxruntime/native/<os>-<arch>/ in onnxruntime or onnxruntime_gpu; ./temper fills one,"
                    + " or takes TEMPER_ORT_NATIVE_PATH), or leave the property unset");
        }
    }

    /**
     * Creates the environment on an engine thread: it loads ONNX Runtime, whose native start needs more
     * stack than Java's default threads have. A class of its own, not a lambda: a lambda's body is a
     * method of this class, which the engine thread could not call while the waiting thread is still
     * initialising it.
     */
    private record EnvironmentStart(OrtLoggingLevel level, String name, OrtEnvironment.ThreadingOptions pools)
            implements OrtThreads.NativeCall<OrtEnvironment> {
        @Override
        public OrtEnvironment call() {
            return OrtEnvironment.getEnvironment(level, name, pools);
        }
    }

    /** @return the process-wide environment. */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** @return whether sessions with a thread count of 0 share the environment's thread pools. */
    public static boolean sharesThreadPools() {
        return SHARED_POOLS;
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
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtCUDAProviderOptions cuda = settings.device().kind() == Device.Kind.CUDA
                     ? addCuda(options, settings.device().index(), settings.cuda()) : null) {
            if (settings.intraOpThreads() == 0 && SHARED_POOLS) {
                options.disablePerSessionThreads();
            } else {
                options.setIntraOpNumThreads(settings.intraOpThreads());
                options.setInterOpNumThreads(1);
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (settings.profile() != null) {
                options.enableProfiling(settings.profile().toString());
            }
            return OrtThreads.run(() -> environment().createSession(model, options));
        }
    }

    /**
     * Adds the CUDA execution provider with Temper's settings; the returned provider options stay
     * open until the session is created.
     */
    private static OrtCUDAProviderOptions addCuda(OrtSession.SessionOptions options, int index, CudaSettings settings) {
        EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
        if (!available.contains(OrtProvider.CUDA)) {
            throw new DeviceUnavailableException("CUDA was requested but this ONNX Runtime build has no CUDA"
                    + " execution provider (available: " + available + "). Put com.microsoft.onnxruntime:onnxruntime_gpu"
                    + " on the class path in place of onnxruntime (the Maven profile 'gpu' does this), or choose the device cpu.");
        }
        OrtCUDAProviderOptions cuda = null;
        try {
            cuda = new OrtCUDAProviderOptions(index);
            for (Map.Entry<String, String> e : settings.providerOptions(index).entrySet()) {
                cuda.add(e.getKey(), e.getValue());
            }
            options.addCUDA(cuda);
            return cuda;
        } catch (OrtException e) {
            if (cuda != null) {
                cuda.close();
            }
            throw new DeviceUnavailableException("CUDA device " + index + " could not be used: " + e.getMessage()
                    + ". onnxruntime_gpu 1.29 needs an NVIDIA driver, CUDA 12 (libcudart 12.8 or newer, libcublas,"
                    + " libcurand) and cuDNN 9 on LD_LIBRARY_PATH; or choose the device cpu.", e);
        }
    }
}
