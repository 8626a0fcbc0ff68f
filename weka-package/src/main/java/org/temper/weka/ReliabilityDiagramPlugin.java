package org.temper.weka;

import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.core.Attribute;
import weka.gui.visualize.plugins.VisualizePlugin;

import javax.swing.JMenuItem;
import java.util.ArrayList;

/**
 * Weka result-list plugin ("Visualize", "Plugins" in the Explorer's result-list menu): opens the
 * reliability diagram of the evaluated predictions in a window that can save it as PNG or SVG.
 * Registered in the package's PluginManager.props.
 */
public class ReliabilityDiagramPlugin implements VisualizePlugin {

    /** The menu item's text. */
    public static final String MENU_TEXT = "Reliability diagram";

    @Override
    public JMenuItem getVisualizeMenuItem(ArrayList<Prediction> predictions, Attribute classAttribute) {
        if (predictions == null || classAttribute == null || !classAttribute.isNominal()) {
            return null;
        }
        CalibrationData data = new CalibrationData(classAttribute.numValues());
        for (Prediction p : predictions) {
            if (p instanceof NominalPrediction n) {
                data.add(n.distribution(), n.actual());
            }
        }
        if (data.size() == 0) {
            return null;
        }
        JMenuItem item = new JMenuItem(MENU_TEXT);
        item.addActionListener(e -> ReliabilityWindow.open("Reliability diagram: " + classAttribute.name() + " ("
                + data.size() + " predictions)", data.report()));
        return item;
    }

    @Override
    public String getMinVersion() {
        return "3.8.0";
    }

    @Override
    public String getMaxVersion() {
        return "3.9.0";
    }

    @Override
    public String getDesignVersion() {
        return "3.8.7";
    }
}
