package weka.gui.explorer;

import javax.swing.SwingUtilities;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;

/**
 * The Explorer's Stop button (run under a display, e.g. Xvfb): starts a long training run, waits
 * for its first epoch in the log, clicks Stop with the mouse, and then runs a short training to the
 * end. Prints "stop-enabled", "stopped-within-ms" (-1 when the run did not end within 30 s), the
 * log and output of the stopped run, and whether the second run finished with ECE in its output.
 */
public final class ExplorerStopSession {

    private ExplorerStopSession() {
    }

    /**
     * @param args ARFF file, classifier name, options of the long run, options of the short run
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        ExplorerDriver explorer = ExplorerDriver.open(args[0]);
        explorer.start(args[1], args[2]);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!explorer.log().contains(": epoch 1/") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Point[] centre = new Point[1];
        boolean[] enabled = new boolean[1];
        SwingUtilities.invokeAndWait(() -> {
            Point corner = explorer.panel.m_StopBut.getLocationOnScreen();
            centre[0] = new Point(corner.x + explorer.panel.m_StopBut.getWidth() / 2,
                    corner.y + explorer.panel.m_StopBut.getHeight() / 2);
            enabled[0] = explorer.panel.m_StopBut.isEnabled();
        });
        System.out.println("stop-enabled: " + enabled[0]);
        Robot robot = new Robot();
        robot.mouseMove(centre[0].x, centre[0].y);
        long clicked = System.currentTimeMillis();
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        boolean ended = explorer.awaitRunEnd(30_000);
        System.out.println("stopped-within-ms: " + (ended ? System.currentTimeMillis() - clicked : -1));
        System.out.println("status: " + explorer.status());
        System.out.println("=== log ===\n" + explorer.log() + "\n=== output ===\n" + explorer.output() + "\n===");

        // the Explorer names a result by its start time to the second and shows the first result of a
        // name: a second run started within the same second would show the cancelled run's text
        Thread.sleep(1100);
        explorer.start(args[1], args[3]);
        boolean finished = explorer.awaitRunEnd(120_000);
        // the run thread ends before the event thread has shown its output: give it up to 10 s
        long shown = System.currentTimeMillis() + 10_000;
        while (finished && !explorer.output().contains("Expected calibration error (ECE)")
                && System.currentTimeMillis() < shown) {
            Thread.sleep(100);
        }
        System.out.println("second-run-status: " + explorer.status());
        boolean ece = finished && explorer.output().contains("Expected calibration error (ECE)");
        System.out.println("second-run-has-ece: " + ece);
        if (!ece) {
            System.out.println("=== second run: finished " + finished + " ===\n" + explorer.log() + "\n=== its output ===\n"
                    + explorer.output() + "\n===");
        }
        System.exit(0);
    }
}
