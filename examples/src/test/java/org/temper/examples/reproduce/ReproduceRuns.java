package org.temper.examples.reproduce;

import org.junit.jupiter.api.Assumptions;
import org.temper.examples.TrainCommandTest;
import org.temper.examples.TrainCommandTest.Run;
import org.temper.onnx.data.IdxDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@code temper reproduce} end-to-end test does: run an experiment on a tiny slice of
 * Fashion-MNIST, list its trial files' times (to see a rerun train nothing), and open its report.html
 * in headless Chromium, checking that every image it names is there and saving a screenshot.
 */
final class ReproduceRuns {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private ReproduceRuns() {
    }

    /** Skips the test without Debian's Fashion-MNIST package. */
    static void assumeFashionMnist() {
        Assumptions.assumeTrue(Files.isDirectory(IdxDirectory.DEBIAN_FASHION_MNIST),
                "apt-get install dataset-fashion-mnist");
    }

    /**
     * @param experiment the subcommand of {@code temper reproduce}
     * @param out the --out folder
     * @param more further arguments (the tiny slice's sizes, other settings)
     * @return what {@code temper reproduce EXPERIMENT --quick --out OUT MORE...} printed and returned
     */
    static Run run(String experiment, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("reproduce", experiment, "--quick", "--out", out.toString()));
        args.addAll(List.of(more));
        return TrainCommandTest.run(args.toArray(String[]::new));
    }

    /**
     * @param folder an experiment's folder
     * @param count how many trial files it must hold
     * @return their modification times, in the order of their names
     * @throws IOException when the folder cannot be listed
     */
    static List<FileTime> trialTimes(Path folder, int count) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("trials")).sorted()) {
            List<FileTime> times = new ArrayList<>();
            for (Path f : files.toList()) {
                times.add(Files.getLastModifiedTime(f));
            }
            assertEquals(count, times.size());
            return times;
        }
    }

    /**
     * Checks that report.html names the expected images, that each is a file beside it, and that headless
     * Chromium renders the page to a screenshot (skipped without /usr/bin/chromium).
     * @param folder the experiment's folder
     * @param images how many images the report must show
     * @param work a scratch folder for Chromium's profile, log and the screenshot
     * @throws Exception when Chromium cannot be run
     */
    static void chromiumShowsEveryImage(Path folder, int images, Path work) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: apt-get install -y chromium");
        Path html = folder.resolve("report.html");
        Matcher img = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"").matcher(Files.readString(html));
        int found = 0;
        while (img.find()) {
            found++;
            assertTrue(Files.isRegularFile(folder.resolve(img.group(1))), img.group(1));
        }
        assertEquals(images, found);
        Files.createDirectories(work);
        Path shot = work.resolve("report.png");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + work.resolve("profile"),
                "--screenshot=" + shot, "--window-size=1200,2000", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 0, Files.readString(work.resolve("chromium.log")));
    }
}
