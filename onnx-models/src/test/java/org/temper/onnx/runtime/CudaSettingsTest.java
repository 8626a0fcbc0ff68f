package org.temper.onnx.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CUDA provider options Temper passes to ONNX Runtime, built without a GPU. */
class CudaSettingsTest {

    @Test
    void defaultsSearchConvolutionsExhaustivelyGrowTheArenaAsAskedAndKeepFloat32() {
        assertEquals(Map.of("device_id", "0", "arena_extend_strategy", "kSameAsRequested",
                        "cudnn_conv_algo_search", "EXHAUSTIVE", "do_copy_in_default_stream", "1", "use_tf32", "0"),
                CudaSettings.DEFAULT.providerOptions(0));
        assertSame(CudaSettings.DEFAULT, ExecutionSettings.DEFAULT.cuda());
        assertSame(CudaSettings.DEFAULT, new ExecutionSettings(Device.parse("cuda:1"), 2).cuda());
    }

    @Test
    void everySettingReachesItsProviderOption() {
        CudaSettings s = new CudaSettings(3L << 30, CudaSettings.ArenaExtension.NEXT_POWER_OF_TWO,
                CudaSettings.ConvolutionSearch.HEURISTIC, false, true);
        assertEquals(Map.of("device_id", "2", "arena_extend_strategy", "kNextPowerOfTwo", "gpu_mem_limit", "3221225472",
                        "cudnn_conv_algo_search", "HEURISTIC", "do_copy_in_default_stream", "0", "use_tf32", "1"),
                s.providerOptions(2));
        assertEquals("DEFAULT", new CudaSettings(0, CudaSettings.ArenaExtension.SAME_AS_REQUESTED,
                CudaSettings.ConvolutionSearch.DEFAULT, true, false).providerOptions(0).get("cudnn_conv_algo_search"));
        assertEquals("1048576", CudaSettings.DEFAULT.withMemoryLimit(1 << 20).providerOptions(0).get("gpu_mem_limit"));
        ExecutionSettings e = ExecutionSettings.DEFAULT.withCuda(s);
        assertSame(s, e.cuda());
        assertEquals(Device.CPU, e.device());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CudaSettings.DEFAULT.withMemoryLimit(-1));
        assertTrue(e.getMessage().contains("memory limit must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CudaSettings.DEFAULT.providerOptions(-1));
        assertTrue(e.getMessage().contains("device id must be >= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CudaSettings(0, null,
                CudaSettings.ConvolutionSearch.EXHAUSTIVE, true, false));
        assertThrows(IllegalArgumentException.class, () -> ExecutionSettings.DEFAULT.withCuda(null));
    }
}
