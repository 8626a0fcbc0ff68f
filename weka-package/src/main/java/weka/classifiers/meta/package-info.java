/**
 * Temper's meta classifiers for Weka, in the package where Weka's class discovery (and so the
 * Explorer's chooser, the Experimenter and the KnowledgeFlow) finds them: recalibration of any
 * classifier's probabilities ({@link weka.classifiers.meta.CalibratedClassifier}).
 */
package weka.classifiers.meta;
