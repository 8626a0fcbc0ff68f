package org.temper.onnx.runtime;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ONNX Runtime's allocation failures, as its arena and the CUDA runtime word them, become one clear error. */
class DeviceMemoryExceptionTest {

    /** How ONNX Runtime 1.x reports a failed arena allocation inside a Loop body on CUDA. */
    static final String ARENA = "Non-zero status code returned while running Loop node. Name:'Loop_0' Status Message:"
            + " Non-zero status code returned while running Gemm node. Name:'Gemm_3' Status Message:"
            + " /onnxruntime_src/onnxruntime/core/framework/bfc_arena.cc:359 void* onnxruntime::BFCArena::"
            + "AllocateRawInternal(size_t, bool, onnxruntime::Stream*, bool, onnxruntime::WaitNotificationFn)"
            + " Failed to allocate memory for requested buffer of size 1610612736\n";
    /** How the CUDA runtime's own failure reaches ONNX Runtime's error. */
    static final String CUDA = "Non-zero status code returned while running Conv node. Name:'Conv_1' Status Message:"
            + " CUDA error cudaErrorMemoryAllocation:out of memory";

    private static final ExecutionSettings GPU = new ExecutionSettings(Device.parse("cuda:1"), 0);

    @Test
    void arenaFailureNamesTheBatchTheBytesAndTheFix() {
        OrtException cause = new OrtException(OrtException.OrtErrorCode.ORT_RUNTIME_EXCEPTION, ARENA);
        DeviceMemoryException e = DeviceMemoryException.recognise(cause, GPU, 512);
        assertEquals(512, e.batchSize());
        assertEquals(OptionalLong.of(1610612736L), e.requestedBytes());
        assertSame(cause, e.getCause());
        String m = e.getMessage();
        assertTrue(m.startsWith("CUDA device 1 ran out of memory training at batch size 512 (ONNX Runtime asked for"
                + " 1.50 GiB more). Train with a smaller batch (for example --batch 256)"), m);
        assertTrue(m.contains("free the GPU of other processes") && m.contains("Failed to allocate memory"), m);
        assertTrue(!m.contains("\n"), m);
    }

    @Test
    void cudaRuntimeFailureWithoutASizeAndTheLimitThatWasSet() {
        ExecutionSettings limited = GPU.withCuda(CudaSettings.DEFAULT.withMemoryLimit(2L << 30));
        DeviceMemoryException e = DeviceMemoryException.recognise(new OrtException(CUDA), limited, 128);
        assertEquals(OptionalLong.empty(), e.requestedBytes());
        assertTrue(e.getMessage().contains("batch size 128. Train with a smaller batch (for example --batch 64),"
                + " raise the CUDA memory limit of 2.00 GiB"), e.getMessage());
        for (String sign : new String[] {"CUDA failure 2: out of memory ; GPU=0 ; expr=cudaMalloc",
                "CUBLAS failure 3: CUBLAS_STATUS_ALLOC_FAILED", "CUDNN_STATUS_ALLOC_FAILED"}) {
            assertEquals(32, DeviceMemoryException.recognise(new OrtException(sign), GPU, 32).batchSize(), sign);
        }
    }

    @Test
    void inferenceFailureNamesTheModelAndTheBatchAndNoTrainingFlag() {
        ExecutionSettings limited = GPU.withCuda(CudaSettings.DEFAULT.withMemoryLimit(512L << 20));
        DeviceMemoryException e = DeviceMemoryException.recogniseInference(new OrtException(ARENA), limited, 2048,
                "model.onnx");
        assertEquals(2048, e.batchSize());
        assertEquals(OptionalLong.of(1610612736L), e.requestedBytes());
        assertTrue(e.getMessage().startsWith("CUDA device 1 ran out of memory running model.onnx at batch size 2048"
                + " (ONNX Runtime asked for 1.50 GiB more). Raise the CUDA memory limit of 512.0 MiB, free the GPU of"
                + " other processes (nvidia-smi lists them), or run the model on the CPU. ONNX Runtime said: "),
                e.getMessage());
        assertTrue(!e.getMessage().contains("--batch"), e.getMessage());
        DeviceMemoryException unlimited = DeviceMemoryException.recogniseInference(new OrtException(CUDA), GPU, 7,
                "the model");
        assertTrue(unlimited.getMessage().contains("at batch size 7. Free the GPU of other processes"),
                unlimited.getMessage());
        assertNull(DeviceMemoryException.recogniseInference(new OrtException("Invalid rank"), GPU, 7, "the model"));
    }

    @Test
    void hostMemoryOnTheCpuAndOtherErrorsAreToldApart() {
        DeviceMemoryException cpu = DeviceMemoryException.recognise(new OrtException(
                "Failed to allocate memory for requested buffer of size 4096"), ExecutionSettings.DEFAULT, 1);
        assertTrue(cpu.getMessage().startsWith("The CPU ran out of memory training at batch size 1 (ONNX Runtime asked"
                + " for 0.0 MiB more). Train with a smaller batch (for example --batch 1)."), cpu.getMessage());
        assertNull(DeviceMemoryException.recognise(new OrtException("Invalid rank for input: x Got: 3 Expected: 2"),
                GPU, 64));
    }
}
