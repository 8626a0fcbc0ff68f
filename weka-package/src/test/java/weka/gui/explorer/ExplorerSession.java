package weka.gui.explorer;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.io.File;
import java.util.List;

/**
 * Drives the Weka Explorer as a user would (run under a display, e.g. Xvfb): loads a data set,
 * picks a classifier through the object editor, runs it with a percentage split, opens the
 * reliability diagram from the result list's Visualize plugins menu, saves the diagram, and takes a
 * screenshot. Prints "output-has-ece: true/false", "diagram: TITLE" and what it saved.
 */
public final class ExplorerSession {

    private ExplorerSession() {
    }

    /**
     * @param args ARFF file, classifier name, its options as one string, output folder
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        ExplorerDriver explorer = ExplorerDriver.open(args[0]);
        ClassifierPanel panel = explorer.panel;
        explorer.start(args[1], args[2]);
        if (!explorer.awaitRunEnd(240_000)) {
            throw new IllegalStateException("the run did not end within 4 minutes");
        }
        Thread.sleep(500);
        String output = explorer.output();
        System.out.println("output-has-ece: " + output.contains("Expected calibration error (ECE)"));
        int summary = Math.max(0, output.indexOf("Correctly Classified"));
        SwingUtilities.invokeAndWait(() -> {
            panel.m_OutText.setCaretPosition(output.length());
            panel.m_OutText.setCaretPosition(summary);
        });
        String result = panel.m_History.getNameAtIndex(0);
        SwingUtilities.invokeAndWait(() -> {
            panel.m_History.setSingle(result);
            panel.visualize(List.of(result), 40, 40);
            JMenuItem item = findPluginItem("Reliability diagram");
            MenuClose.close();
            item.doClick();
        });
        Thread.sleep(1500);
        Window diagram = null;
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof JFrame f && f.getTitle().startsWith("Reliability diagram")) {
                diagram = w;
            }
        }
        if (diagram == null) {
            throw new IllegalStateException("no reliability diagram window opened");
        }
        System.out.println("diagram: " + ((JFrame) diagram).getTitle());
        Window shown = diagram;
        SwingUtilities.invokeAndWait(() -> shown.setBounds(620, 180, 650, 600));
        File out = new File(args[3]);
        for (String ext : new String[] {"png", "svg"}) {
            File f = new File(out, "reliability." + ext);
            diagram.getClass().getMethod("save", File.class).invoke(diagram, f);
            System.out.println("saved: " + f.getName() + " " + f.length());
        }
        Thread.sleep(1000);
        Rectangle area = new Rectangle(0, 0, 1280, 800);
        ImageIO.write(new Robot().createScreenCapture(area), "png", new File(out, "weka-explorer.png"));
        System.out.println("screenshot: weka-explorer.png");
        System.exit(0);
    }

    /** Finds a menu item under the open popup menu's Plugins submenu. */
    private static JMenuItem findPluginItem(String text) {
        for (Window w : Window.getWindows()) {
            JPopupMenu popup = find(w, JPopupMenu.class);
            if (popup != null && popup.isShowing()) {
                for (Component c : popup.getComponents()) {
                    if (c instanceof JMenu m && m.getText().equals("Plugins")) {
                        for (Component item : m.getMenuComponents()) {
                            if (item instanceof JMenuItem i && i.getText().equals(text)) {
                                return i;
                            }
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no '" + text + "' in the result list's Plugins menu");
    }

    private static <T> T find(Component c, Class<T> type) {
        if (type.isInstance(c) && c.isShowing()) {
            return type.cast(c);
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Closes open popup menus. */
    private static final class MenuClose {
        static void close() {
            javax.swing.MenuSelectionManager.defaultManager().clearSelectedPath();
            for (Window w : Window.getWindows()) {
                JPopupMenu p = find(w, JPopupMenu.class);
                if (p != null) {
                    p.setVisible(false);
                }
            }
        }
    }
}
