package org.temper.spark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.temper.onnx.recipe.Recipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweeps in this JVM: grids checked by the recipe's rules, results stored once, failures recorded, folders never mixed. */
class SweepTest {

    @TempDir
    static Path shared;
    private static Path data;

    @BeforeAll
    static void slice() throws IOException {
        data = FashionSlice.write(shared.resolve("data"), 600, 200);
    }

    private static Map<String, List<String>> grid(String key, String... values) {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put(key, List.of(values));
        return g;
    }

    @Test
    void aGridIsEveryCombinationTheLastKeyFastest(@TempDir Path out) {
        Sweep s = Fixtures.fourTrials(data, out);
        assertEquals(4, s.trials().size());
        assertEquals(Map.of("alpha", "0", "seed", "2"), s.trials().get(1).point());
        assertEquals("0.1", s.trials().get(2).settings().get("alpha"));
        assertEquals("16", s.trials().get(3).settings().get("hidden"));
        assertEquals(s.trials().get(3).recipe(), Fixtures.base().toBuilder().alpha(0.1).seed(2).build());
    }

    @Test
    void badGridKeysAndValuesAreRefusedNamingTheKey(@TempDir Path out) {
        SweepData d = SweepData.of(data.toString());
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> Sweep.of(Recipe.defaults(), grid("alfa", "0.1"), d, out)).getMessage();
        assertTrue(unknown.startsWith("grid alfa=0.1: unknown setting 'alfa'"), unknown);
        String range = assertThrows(IllegalArgumentException.class,
                () -> Sweep.of(Recipe.defaults(), grid("alpha", "0", "1.5"), d, out)).getMessage();
        assertTrue(range.startsWith("grid {alpha=1.5}: alpha = 1.5: label smoothing's alpha must be in [0, 1)"), range);
        String notRead = assertThrows(IllegalArgumentException.class, () -> Sweep.of(
                Recipe.builder().objective(Recipe.ObjectiveKind.HARD_TARGETS).build(), grid("alpha", "0", "0.1"), d,
                out)).getMessage();
        assertTrue(notRead.contains("have the same recipe"), notRead);
        assertFalse(Files.exists(out.resolve(SweepFolder.MANIFEST)), "nothing is written before the sweep runs");
    }

    @Test
    void finishedTrialsAreNotRecomputedAndFailuresAreRecorded(@TempDir Path out) throws IOException {
        Sweep s = Sweep.of(Fixtures.base(), grid("learningRate", "0.05", "100"), SweepData.of(data.toString()), out);
        List<TrialResult> first = s.runInProcess();
        assertTrue(first.get(0).ok(), first.get(0).toString());
        assertFalse(first.get(1).ok(), "a learning rate of 100 diverges");
        assertTrue(first.get(1).message().contains("diverged") || first.get(1).message().contains("NaN"),
                first.get(1).message());
        assertEquals(2, Files.readAllLines(out.resolve(SweepFolder.RESULTS)).size());
        Path stored = out.resolve("trials/trial-0000.json");
        long written = Files.getLastModifiedTime(stored).toMillis();
        List<TrialResult> again = s.runInProcess();
        assertEquals(first.get(0), again.get(0), "the stored result, not a new one");
        assertEquals(written, Files.getLastModifiedTime(stored).toMillis());
    }

    @Test
    void aFolderOfAnotherSweepIsRefused(@TempDir Path out) throws IOException {
        Sweep.of(Fixtures.base(), grid("seed", "1"), new SweepData("/nonexistent/data", 0, 0), out).runInProcess();
        IOException e = assertThrows(IOException.class, () -> Sweep.of(Fixtures.base(), grid("seed", "1", "2"),
                new SweepData("/nonexistent/data", 0, 0), out).runInProcess());
        assertTrue(e.getMessage().contains("holds the results of another sweep (1 trials there, 2 here)"), e.getMessage());
        Files.writeString(out.resolve("../other.txt"), "x");
        IOException other = assertThrows(IOException.class, () -> Sweep.of(Fixtures.base(), grid("seed", "1"),
                SweepData.of(data.toString()), out.getParent()).runInProcess());
        assertTrue(other.getMessage().contains("a folder with other files"), other.getMessage());
    }

    @Test
    void unreadableDataFailsTheTrialNamingPathAndHost(@TempDir Path out) throws IOException {
        TrialResult r = Sweep.of(Fixtures.base(), grid("seed", "1"), new SweepData("/nonexistent/data", 0, 0), out)
                .runInProcess().get(0);
        assertFalse(r.ok());
        assertTrue(r.message().startsWith("host " + r.host() + " cannot read --data /nonexistent/data"), r.message());
    }
}
