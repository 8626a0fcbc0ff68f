package org.temper.weka.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.temper.weka.FashionMnistSubsets;
import weka.gui.explorer.ExplorerSession;
import weka.gui.explorer.ExplorerStopSession;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Explorer under a virtual display (Xvfb, started here) with the installed package: it runs
 * LabelSmoothedNetwork, shows ECE in its output, opens the reliability diagram from the result
 * list and saves it, and leaves a screenshot in target/explorer-it/weka-explorer.png; its Stop
 * button ends a long training run promptly, and the next run trains and evaluates.
 */
class ExplorerIT {

    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void startXvfb() throws Exception {
        for (int n = 91; n < 120 && xvfb == null; n++) {
            if (Files.exists(Paths.get("/tmp/.X11-unix/X" + n)) || Files.exists(Paths.get("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p;
            try {
                p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException("This test needs Xvfb (apt-get install xvfb): " + e.getMessage(), e);
            }
            for (int wait = 0; wait < 50 && p.isAlive() && !Files.exists(Paths.get("/tmp/.X11-unix/X" + n)); wait++) {
                Thread.sleep(100);
            }
            if (p.isAlive()) {
                xvfb = p;
                display = ":" + n;
            }
        }
        assertTrue(xvfb != null, "Xvfb did not start on any display from :91 to :119");
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsTheClassifierShowsEceAndOpensTheReliabilityDiagram() throws Exception {
        Path out = Files.createDirectories(Paths.get("target", "explorer-it"));
        WekaJvm.Result r = WekaJvm.run(WekaJvm.installedHome(), Map.of("DISPLAY", display),
                ExplorerSession.class.getName(),
                FashionMnistSubsets.folder().resolve("fashion-mnist-train.arff").toString(),
                "weka.classifiers.functions.LabelSmoothedNetwork", "-hidden 32 -epochs 3", out.toString());
        String log = r.out() + r.err();
        assertTrue(r.out().contains("output-has-ece: true"), log);
        assertTrue(r.out().contains("diagram: Reliability diagram: class ("), log);
        assertTrue(Files.size(out.resolve("reliability.png")) > 1000, log);
        assertTrue(Files.readString(out.resolve("reliability.svg")).contains("<svg"), log);
        BufferedImage shot = ImageIO.read(out.resolve("weka-explorer.png").toFile());
        assertTrue(shot.getWidth() == 1280 && shot.getHeight() == 800, log);
    }

    @Test
    void stopButtonEndsTrainingPromptlyAndTheExplorerTrainsAgain() throws Exception {
        WekaJvm.Result r = WekaJvm.run(WekaJvm.installedHome(), Map.of("DISPLAY", display),
                ExplorerStopSession.class.getName(),
                FashionMnistSubsets.folder().resolve("fashion-mnist-train.arff").toString(),
                "weka.classifiers.functions.LabelSmoothedNetwork", "-hidden 32 -epochs 100000", "-hidden 16 -epochs 2");
        String out = r.out();
        String log = out + r.err();
        assertTrue(out.contains("stop-enabled: true"), log);
        Matcher stopped = Pattern.compile("stopped-within-ms: (-?\\d+)").matcher(out);
        assertTrue(stopped.find(), log);
        long millis = Long.parseLong(stopped.group(1));
        assertTrue(millis >= 0 && millis < 10_000, "the run ended " + millis + " ms after Stop:\n" + log);
        assertTrue(out.contains("status: Interrupted"), log);
        assertTrue(Pattern.compile("LabelSmoothedNetwork: stopped on request after \\d+ of 100000 epochs").matcher(out)
                .find(), "the network's log line:\n" + log);
        assertTrue(out.contains("Interrupted weka.classifiers.functions.LabelSmoothedNetwork"), log);
        assertTrue(out.contains("=== Run cancelled by user ==="), log);
        assertTrue(out.contains("second-run-status: OK"), log);
        assertTrue(out.contains("second-run-has-ece: true"), "a second run trains and evaluates:\n" + log);
    }
}
