package org.temper.onnx.model;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JVM stopped by SIGTERM in the middle of a save leaves neither the file nor a temporary one. */
@Tag("faults")
class SaveInterruptedTest {

    /**
     * Writes half a file under NewFile, says so, and waits to be killed.
     * @param args the file to create
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        NewFile.write(Path.of(args[0]), tmp -> {
            Files.write(tmp, new byte[1 << 20]);
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aSigtermDuringTheSaveLeavesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.onnx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SaveInterruptedTest.class.getName(), target.toString())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("writing")) {
                // skip what the JVM prints before
            }
            assertEquals("writing", line, "the child reached the middle of the save");
            try (var s = Files.list(dir)) {
                assertEquals(1, s.filter(f -> f.getFileName().toString().startsWith(".temper-")).count(),
                        "a temporary file exists while the save runs");
            }
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child ended after SIGTERM");
        }
        assertTrue(Files.notExists(target), "no file under the final name");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "no temporary file left");
        }
    }
}
