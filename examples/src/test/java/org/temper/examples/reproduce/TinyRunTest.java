package org.temper.examples.reproduce;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.temper.examples.TrainCommandTest.Run;

import java.nio.file.Path;

/**
 * The frame of every experiment's end-to-end test: one tiny quick-mode run per test class, in a
 * scratch folder, that the class's tests check, rerun and compare against.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TinyRunTest {

    /** The class's scratch folder. */
    Path dir;
    /** The run's output folder, dir/NAME. */
    Path folder;
    /** The run's exit code and output. */
    Run first;

    /** @return the experiment's tiny run */
    abstract TinyRuns tiny();

    @BeforeAll
    void runOnce(@TempDir Path scratch) {
        dir = scratch;
        folder = dir.resolve(tiny().experiment());
        first = tiny().first(folder);
    }
}
