package weka.gui.explorer;

import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.LogPanel;

import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * A Weka Explorer in its own frame, with a data set loaded (class last), driven through its
 * Classify panel as a user would: choose a classifier in the object editor, run it on a percentage
 * split, read the output, the log and the status line. Lives in weka.gui.explorer to reach the
 * panels' protected parts.
 */
final class ExplorerDriver {

    final Explorer explorer;
    final ClassifierPanel panel;

    private ExplorerDriver(Explorer explorer) {
        this.explorer = explorer;
        this.panel = (ClassifierPanel) explorer.getPanels().stream().filter(p -> p instanceof ClassifierPanel)
                .findFirst().orElseThrow();
    }

    /**
     * @param arff the data set
     * @return the Explorer, showing at (0, 0) with size 1000 x 760 and the data loaded
     * @throws Exception when the data cannot be read or the frame not shown
     */
    static ExplorerDriver open(String arff) throws Exception {
        GenericObjectEditor.determineClasses();
        Instances data = DataSource.read(arff);
        data.setClassIndex(data.numAttributes() - 1);
        Explorer[] explorer = new Explorer[1];
        SwingUtilities.invokeAndWait(() -> {
            explorer[0] = new Explorer();
            JFrame frame = new JFrame("Weka Explorer");
            frame.getContentPane().add(explorer[0]);
            frame.setBounds(0, 0, 1000, 760);
            frame.setVisible(true);
            explorer[0].getPreprocessPanel().setInstances(data);
        });
        return new ExplorerDriver(explorer[0]);
    }

    /**
     * Chooses the classifier in the Classify tab and presses Start with a percentage split.
     * @param classifierName the classifier's class, found through Weka's package class loaders
     * @param options its options as one string
     * @throws Exception when the classifier cannot be made
     */
    void start(String classifierName, String options) throws Exception {
        Classifier classifier = (Classifier) WekaPackageClassLoaderManager.objectForName(classifierName);
        ((OptionHandler) classifier).setOptions(Utils.splitOptions(options));
        SwingUtilities.invokeAndWait(() -> {
            explorer.getTabbedPane().setSelectedComponent(panel);
            panel.m_ClassifierEditor.setValue(classifier);
            panel.m_PercentBut.setSelected(true);
            panel.startClassifier();
        });
    }

    /**
     * @param millis how long to wait at most
     * @return whether the run started last has ended (the Start button is back) in that time
     * @throws InterruptedException when interrupted while waiting
     */
    boolean awaitRunEnd(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (panel.m_RunThread != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return panel.m_RunThread == null;
    }

    /** @return the Classify tab's output text */
    String output() {
        return panel.m_OutText.getText();
    }

    /** @return the text of the Explorer's log (the Log button's window) */
    String log() throws ReflectiveOperationException {
        return ((JTextComponent) logPanelField("m_LogText")).getText();
    }

    /** @return the Explorer's status line */
    String status() throws ReflectiveOperationException {
        return ((JLabel) logPanelField("m_StatusLab")).getText();
    }

    private Object logPanelField(String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = LogPanel.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(explorer.m_LogPanel);
    }
}
