/**
 * Temper's Weka classifiers (LabelSmoothedNetwork, ConfidencePenaltyNetwork, DistilledNetwork on the
 * shared AbstractTemperNetwork), placed in Weka's own package so that the Explorer's chooser, the
 * Experimenter, the KnowledgeFlow and weka.Run discover them once the Temper package is installed.
 */
package weka.classifiers.functions;
