package org.temper.onnx.runtime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@value OrtRuntime#NATIVE_PATH}: ONNX Runtime loads its libraries from the folder it names instead
 * of extracting them from its jar, and a folder without them is refused with the fix.
 */
class NativePathTest {

    private static final List<String> LIBRARIES = List.of(System.mapLibraryName("onnxruntime"),
            System.mapLibraryName("onnxruntime4j_jni"), System.mapLibraryName("onnxruntime_providers_shared"));

    /**
     * Starts ONNX Runtime and prints the files its libraries were mapped from.
     * @param args unused
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        System.out.println("version " + OrtRuntime.environment().getVersion());
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.contains("libonnxruntime")) {
                System.out.println("mapped " + line.substring(line.indexOf('/')));
            }
        }
    }

    @Test
    @Tag("faults")
    @EnabledOnOs(OS.LINUX)
    void librariesAreLoadedFromTheNamedFolderNotExtracted(@TempDir Path dir) throws Exception {
        Path natives = Files.createDirectory(dir.resolve("natives"));
        String folder = "/ai/onnxruntime/native/linux-" + ("aarch64".equals(System.getProperty("os.arch")) ? "aarch64" : "x64");
        for (String lib : LIBRARIES) {
            try (InputStream in = OrtRuntime.class.getResourceAsStream(folder + "/" + lib)) {
                if (in != null) {
                    Files.copy(in, natives.resolve(lib));
                }
            }
        }
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        ChildJvm.Outcome run = ChildJvm.run(NativePathTest.class, "-D" + OrtRuntime.NATIVE_PATH + "=" + natives,
                "-Djava.io.tmpdir=" + tmp);
        String log = run.log();
        assertEquals(0, run.exitValue(), log);
        assertTrue(log.contains("version 1.29.0"), log);
        assertTrue(log.contains("mapped " + natives.resolve(LIBRARIES.get(0))), log);
        assertTrue(log.contains("mapped " + natives.resolve(LIBRARIES.get(1))), log);
        assertTrue(!log.contains("onnxruntime-java"), "a library was extracted to the temporary folder:\n" + log);
    }

    @Test
    void aFolderWithoutTheLibrariesIsRefusedBeforeOnnxRuntimeStarts(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OrtRuntime.checkNativePath(dir.toString()));
        assertTrue(e.getMessage().startsWith("-Donnxruntime.native.path=" + dir + " has no "
                + LIBRARIES.get(0) + " or " + LIBRARIES.get(1)), e.getMessage());
        assertTrue(e.getMessage().contains("TEMPER_ORT_NATIVE_PATH") && e.getMessage().contains("leave the property unset"),
                e.getMessage());
        OrtRuntime.checkNativePath(null);
    }
}
