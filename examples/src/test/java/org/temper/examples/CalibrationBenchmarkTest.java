package org.temper.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.calibration.recalibration.CalibrationMethod;

/** What bench/calibration.sh reads from CalibrationBenchmark: the data files and one CSV line per method and N. */
class CalibrationBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void writesTheDataForScikitLearnAndATimingLinePerMethod() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CalibrationBenchmark.run(dir, 1, new int[] {300}, List.of(CalibrationMethod.values()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("method,n,fit_s,apply_s", lines.get(0));
        assertEquals(1 + CalibrationMethod.values().length, lines.size(), String.join("\n", lines));
        for (int m = 0; m < CalibrationMethod.values().length; m++) {
            String[] fields = lines.get(m + 1).split(",");
            assertEquals(CalibrationMethod.values()[m].key(), fields[0]);
            assertEquals("300", fields[1]);
            assertTrue(Double.parseDouble(fields[2]) > 0 && Double.parseDouble(fields[3]) > 0, lines.get(m + 1));
        }
        ByteBuffer logits = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("logits-300.f64")))
                .order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer labels = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("labels-300.i32")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(300 * CalibrationBenchmark.CLASSES * 8, logits.capacity());
        assertEquals(300 * 4, labels.capacity());
        int label = labels.getInt(0);
        assertTrue(label >= 0 && label < CalibrationBenchmark.CLASSES);
        // the label's logit carries the +1.5 shift: over 300 rows it is the largest most of the time
        int largest = 0;
        for (int i = 0; i < 300; i++) {
            int y = labels.getInt(4 * i);
            int top = 0;
            for (int k = 1; k < CalibrationBenchmark.CLASSES; k++) {
                if (logits.getDouble(8 * (i * CalibrationBenchmark.CLASSES + k))
                        > logits.getDouble(8 * (i * CalibrationBenchmark.CLASSES + top))) {
                    top = k;
                }
            }
            largest += top == y ? 1 : 0;
        }
        assertTrue(largest > 150, largest + " of 300");
    }

    @Test
    void timesOnlyTheMethodsItIsGiven() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CalibrationBenchmark.run(dir, 1, new int[] {200}, List.of(CalibrationMethod.ISOTONIC, CalibrationMethod.PLATT),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> methods = bytes.toString(StandardCharsets.UTF_8).lines().skip(1)
                .map(line -> line.split(",")[0]).toList();
        assertEquals(List.of("isotonic", "platt"), methods);
    }
}
