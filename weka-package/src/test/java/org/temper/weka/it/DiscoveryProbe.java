package org.temper.weka.it;

import weka.classifiers.Classifier;
import weka.classifiers.evaluation.AbstractEvaluationMetric;
import weka.core.PluginManager;
import weka.core.WekaPackageClassLoaderManager;
import weka.gui.GenericObjectEditor;
import weka.gui.knowledgeflow.TemplateManager;
import weka.gui.visualize.plugins.VisualizePlugin;

/**
 * Lists what Weka's own discovery finds, one "type: class (class loader)" line each: classifiers
 * through the GenericObjectEditor, metrics and visualize plugins through the PluginManager; and
 * one "kf-template: description" line for each KnowledgeFlow template that packages bring.
 */
public final class DiscoveryProbe {

    private DiscoveryProbe() {
    }

    /**
     * @param args none
     * @throws Exception when a discovered class cannot be instantiated
     */
    public static void main(String[] args) throws Exception {
        GenericObjectEditor.determineClasses();
        print("classifier", Classifier.class.getName());
        print("metric", AbstractEvaluationMetric.class.getName());
        print("visualize", VisualizePlugin.class.getName());
        new TemplateManager().getPluginTemplateDescriptions().forEach(t -> System.out.println("kf-template: " + t));
        System.exit(0);
    }

    private static void print(String kind, String type) throws Exception {
        for (String name : PluginManager.getPluginNamesOfTypeList(type)) {
            if (name.contains("Temper") || name.contains("Network") || name.contains("Calibrated")
                    || name.startsWith("org.temper")) {
                Object instance = WekaPackageClassLoaderManager.objectForName(name);
                System.out.println(kind + ": " + name + " (" + instance.getClass().getClassLoader().getClass()
                        .getSimpleName() + ")");
            }
        }
    }
}
