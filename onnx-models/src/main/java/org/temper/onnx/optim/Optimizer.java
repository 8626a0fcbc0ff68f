package org.temper.onnx.optim;

import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.List;

/**
 * An optimizer written as graph operations: for each parameter, its state tensors (momentum,
 * moments) are carried from step to step by the epoch loop, and {@link #update} emits the nodes
 * that compute the new parameter and state from the gradient.
 */
public interface Optimizer {

    /**
     * @param parameter a parameter's initial value
     * @return the initial state tensors of that parameter, possibly none
     */
    List<TensorData> initialState(TensorData parameter);

    /**
     * @param b the training step's builder
     * @param step the inputs of this update
     * @return the new parameter and its new state, in the order of {@link #initialState}
     */
    ParameterUpdate update(GraphBuilder b, UpdateInputs step);

    /** @return a short description with every setting, recorded in model metadata. */
    String describe();

    /**
     * The values one parameter's update reads.
     * @param parameter current value
     * @param gradient gradient of the mean loss
     * @param state current state tensors
     * @param learningRate scalar learning rate of this step for this parameter
     * @param step scalar 1-based count of updates including this one, in the parameter's dtype
     */
    record UpdateInputs(Value parameter, Value gradient, List<Value> state, Value learningRate, Value step) {
    }

    /**
     * The result of one parameter's update.
     * @param parameter the new value
     * @param state the new state tensors
     */
    record ParameterUpdate(Value parameter, List<Value> state) {
    }
}
