/**
 * Analyses from the label-smoothing papers: the smoothness index of a teacher's outputs
 * (Mueller et al. 2019) and the projection of penultimate-layer activations onto the plane of
 * three class templates (made exact by the replication of Wagner et al. 2023).
 */
package org.temper.calibration.analysis;
