package org.temper.spark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code temper sweep}'s bad input: one line naming the option and setting, exit code 2, nothing run. */
class SweepCommandTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = SweepCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString().strip()};
    }

    @Test
    void anUnknownGridKeyIsRefusedBeforeAnythingRuns(@TempDir Path out) {
        String[] r = run("--grid", "alfa=0,0.1", "--out", out.resolve("s").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("temper sweep: grid alfa=0: unknown setting 'alfa'"), r[1]);
        assertFalse(Files.exists(out.resolve("s")));
    }

    @Test
    void aBadValueAndABadSetAreRefusedNamingTheSetting(@TempDir Path out) {
        String[] r = run("--grid", "alpha=0,1.5", "--out", out.toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("alpha = 1.5: label smoothing's alpha must be in [0, 1)"), r[1]);
        String[] s = run("--set", "epochs=many", "--grid", "seed=1", "--out", out.toString());
        assertTrue(s[1].startsWith("temper sweep: --set epochs=many: epochs = many: not a whole number"), s[1]);
        String[] m = run("--measure", "acc", "--grid", "seed=1", "--out", out.toString());
        assertTrue(m[1].startsWith("temper sweep: unknown metric 'acc': choose from ece, adaptive_ece"), m[1]);
    }

    @Test
    void listValuedSettingsTakeSemicolons(@TempDir Path out) {
        SweepCommand c = new SweepCommand();
        picocli.CommandLine cl = new picocli.CommandLine(c);
        cl.parseArgs("--grid", "hidden=32;64,32", "--out", out.toString());
        assertEquals("64,32", c.sweep().trials().get(1).settings().get("hidden"));
    }

    @Test
    void anUnreachableMasterIsOneLineWithinSeconds(@TempDir Path out) {
        long start = System.nanoTime();
        String[] r = run("--master", "spark://127.0.0.1:1", "--grid", "seed=1", "--out", out.toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("temper sweep: --master spark://127.0.0.1:1: no Spark master answers"), r[1]);
        assertTrue((System.nanoTime() - start) / 1e9 < 15);
    }
}
