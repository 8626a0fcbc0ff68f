package org.temper.weka;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.temper.calibration.CalibrationReport;
import org.temper.calibration.chart.ChartFiles;
import org.temper.calibration.chart.ReliabilityDiagram;

import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.filechooser.FileNameExtensionFilter;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.File;
import java.io.IOException;

/** A window showing a reliability diagram, with a button that saves it as PNG or SVG. */
public final class ReliabilityWindow extends JFrame {

    private static final long serialVersionUID = 1L;

    /** Size of saved images, in pixels. */
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private final transient JFreeChart chart;

    private ReliabilityWindow(String title, CalibrationReport report) {
        super(title);
        chart = ReliabilityDiagram.chart(title, "predictions", report);
        JButton save = new JButton("Save as PNG or SVG...");
        save.addActionListener(e -> chooseAndSave());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(save);
        getContentPane().add(new ChartPanel(chart), BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        setSize(WIDTH, HEIGHT);
    }

    /**
     * Opens a window.
     * @param title its title and the chart's
     * @param report the measured predictions
     * @return the window, visible
     */
    public static ReliabilityWindow open(String title, CalibrationReport report) {
        ReliabilityWindow w = new ReliabilityWindow(title, report);
        w.setVisible(true);
        return w;
    }

    /**
     * @param file a .png or .svg file
     * @throws IOException when it cannot be written
     */
    public void save(File file) throws IOException {
        ChartFiles.write(chart, file.toPath(), WIDTH, HEIGHT);
    }

    private void chooseAndSave() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter("PNG or SVG image", "png", "svg"));
        chooser.setSelectedFile(new File("reliability.png"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        try {
            save(chooser.getSelectedFile());
        } catch (IOException | IllegalArgumentException e) {
            JOptionPane.showMessageDialog(this, "Could not save the diagram: " + e.getMessage()
                    + "\nChoose a file name ending in .png or .svg in a writable folder.", "Save reliability diagram",
                    JOptionPane.ERROR_MESSAGE);
        }
    }
}
