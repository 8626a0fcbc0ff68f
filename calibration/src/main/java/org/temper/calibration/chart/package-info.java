/**
 * Charts built with JFreeChart: reliability diagrams of one or several models and scatter plots
 * of penultimate-layer projections. Each factory returns a {@link org.jfree.chart.JFreeChart},
 * which {@link org.temper.calibration.chart.ChartFiles} writes to PNG or SVG (headless) and which
 * a {@link org.jfree.chart.ChartPanel} shows in Swing, e.g. in the Weka GUI.
 */
package org.temper.calibration.chart;
