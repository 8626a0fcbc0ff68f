/**
 * The one training recipe: {@link org.temper.onnx.recipe.Recipe} describes a run with one set of
 * defaults and one validation, and {@link org.temper.onnx.recipe.Training} runs it (validation split,
 * input standardisation, network, objective, optimizer, fit loop) into a trained network whose saved
 * model standardises raw input itself. Every front end (the command line, Tribuo, Weka, reproductions)
 * maps its settings onto a recipe and predicts through {@link org.temper.onnx.model.ModelSession}.
 */
package org.temper.onnx.recipe;
