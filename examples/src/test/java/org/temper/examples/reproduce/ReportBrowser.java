package org.temper.examples.reproduce;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser check every reproduction's test makes of its report.html: each image the page names is
 * a file beside it, and Debian's Chromium, headless, renders the page to a screenshot. Skipped when
 * /usr/bin/chromium is missing.
 */
final class ReportBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private ReportBrowser() {
    }

    /**
     * @param folder the experiment's folder holding report.html
     * @param images how many images the page must show
     * @param work a scratch folder for Chromium's profile, its log and the screenshot (report.png)
     * @throws Exception when Chromium cannot be run
     */
    static void assertShows(Path folder, int images, Path work) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: apt-get install -y chromium");
        Path html = folder.resolve("report.html");
        Matcher img = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"").matcher(Files.readString(html));
        int found = 0;
        while (img.find()) {
            found++;
            assertTrue(Files.isRegularFile(folder.resolve(img.group(1))), img.group(1));
        }
        assertEquals(images, found);
        Path shot = work.resolve("report.png");
        Path log = work.resolve("chromium.log");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + work.resolve("profile"),
                "--screenshot=" + shot, "--window-size=1200,2000", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 0, Files.readString(log));
    }
}
