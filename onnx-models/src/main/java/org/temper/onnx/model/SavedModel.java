package org.temper.onnx.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import org.temper.onnx.runtime.ExecutionSettings;

import java.util.List;
import java.util.Map;

/**
 * A classifier model read from a file by {@link ModelFiles#read}.
 * @param model the ONNX model, external data inlined
 * @param source where it came from (its file), for messages
 * @param signature its input and logits
 * @param classNames class names in label order
 * @param metadata the model's metadata properties
 */
public record SavedModel(ModelProto model, String source, ModelSignature signature, List<String> classNames,
                         Map<String, String> metadata) {

    /**
     * @param settings device and threads
     * @return a session, opened at its first call (where ONNX Runtime may reject the model, e.g. for an
     *         operator it does not know); the caller closes it
     */
    public ModelSession session(ExecutionSettings settings) {
        return new ModelSession(model.toByteArray(), source, signature, settings);
    }
}
