/**
 * Temper inside Weka: input encoding and model storage for the classifiers in
 * weka.classifiers.functions, their progress reporting and data checks, the calibration
 * evaluation-metric plugin ({@link org.temper.weka.CalibrationMetric}), the reliability-diagram
 * result-list plugin ({@link org.temper.weka.ReliabilityDiagramPlugin}), and the Fashion-MNIST to
 * ARFF converter. The plugins are registered in the package zip's PluginManager.props.
 */
package org.temper.weka;
