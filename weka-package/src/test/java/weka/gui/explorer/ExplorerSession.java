package weka.gui.explorer;

import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;

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
 * screenshot. Prints "output-has-ece: true/false", "diagram: TITLE" and what it saved. Lives in
 * weka.gui.explorer to reach the ClassifierPanel's protected parts.
 */
public final class ExplorerSession {

    private ExplorerSession() {
    }

    /**
     * @param args ARFF file, classifier name, its options as one string, output folder
     * @throws Exception when a step fails
     */
    public static void main(String[] args) throws Exception {
        GenericObjectEditor.determineClasses();
        Instances data = DataSource.read(args[0]);
        data.setClassIndex(data.numAttributes() - 1);
        Explorer[] explorer = new Explorer[1];
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            explorer[0] = new Explorer();
            frame[0] = new JFrame("Weka Explorer");
            frame[0].getContentPane().add(explorer[0]);
            frame[0].setBounds(0, 0, 1000, 760);
            frame[0].setVisible(true);
            explorer[0].getPreprocessPanel().setInstances(data);
        });
        ClassifierPanel panel = (ClassifierPanel) explorer[0].getPanels().stream()
                .filter(p -> p instanceof ClassifierPanel).findFirst().orElseThrow();
        Classifier classifier = (Classifier) WekaPackageClassLoaderManager.objectForName(args[1]);
        ((weka.core.OptionHandler) classifier).setOptions(Utils.splitOptions(args[2]));
        SwingUtilities.invokeAndWait(() -> {
            explorer[0].getTabbedPane().setSelectedComponent(panel);
            panel.m_ClassifierEditor.setValue(classifier);
            panel.m_PercentBut.setSelected(true);
            panel.startClassifier();
        });
        long deadline = System.currentTimeMillis() + 240_000;
        while ((panel.m_RunThread != null || panel.m_History.getList().getModel().getSize() == 0)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
        String output = panel.m_OutText.getText();
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
