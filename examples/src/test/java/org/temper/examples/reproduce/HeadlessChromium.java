package org.temper.examples.reproduce;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports' browser check, shared by every experiment's end-to-end test: Debian's Chromium, headless,
 * opens report.html (resolved against its own folder) and says how many of its images loaded, then
 * saves a screenshot. Skips the test when Chromium is not installed.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Appended to the page: after the load event, counts the images and those that decoded. */
    private static final String PROBE = "<script>window.addEventListener('load', () => {"
            + " const all = Array.from(document.images);"
            + " document.body.setAttribute('data-images', all.length + ' '"
            + " + all.filter(i => i.complete && i.naturalWidth > 0).length); });</script>";

    private static final Pattern IMAGES = Pattern.compile("data-images=\"(\\d+) (\\d+)\"");

    private HeadlessChromium() {
    }

    /**
     * Asserts that Chromium shows every one of the report's images, and saves a screenshot.
     * @param html the report.html
     * @param images how many images it must have
     * @param work a scratch folder (profile, probe page, log, screenshot report.png)
     * @throws Exception when Chromium cannot be run
     */
    static void assertEveryImageLoads(Path html, int images, Path work) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium: apt-get install -y chromium");
        Files.createDirectories(work);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Path probe = work.resolve("probe.html");
        Files.writeString(probe, page.replaceFirst("<head>", "<head><base href=\"" + html.getParent().toUri() + "\">")
                .replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium(work, "dom", "--dump-dom", "--virtual-time-budget=10000", probe.toUri().toString());
        Matcher m = IMAGES.matcher(dom);
        assertTrue(m.find(), "no image count in Chromium's DOM: " + dom.substring(0, Math.min(500, dom.length())));
        assertEquals(images + " " + images, m.group(1) + " " + m.group(2), "images in report.html / loaded");
        Path shot = work.resolve("report.png");
        chromium(work, "shot", "--screenshot=" + shot, "--window-size=1200,2000", html.toUri().toString());
        assertTrue(Files.isRegularFile(shot) && Files.size(shot) > 0, "no screenshot");
    }

    private static String chromium(Path work, String name, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 6];
        command[0] = CHROMIUM.toString();
        command[1] = "--headless";
        command[2] = "--no-sandbox";
        command[3] = "--disable-gpu";
        command[4] = "--no-first-run";
        command[5] = "--user-data-dir=" + work.resolve("profile-" + name);
        System.arraycopy(args, 0, command, 6, args.length);
        Path out = work.resolve(name + ".out");
        Process p = new ProcessBuilder(command).redirectError(work.resolve(name + ".log").toFile())
                .redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
