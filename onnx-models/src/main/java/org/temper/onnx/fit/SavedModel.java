package org.temper.onnx.fit;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import org.temper.onnx.program.ModelSignature;
import org.temper.onnx.program.Predictor;
import org.temper.onnx.runtime.ExecutionSettings;

import java.util.List;
import java.util.Map;

/**
 * A classifier model read from a file by {@link ModelFiles#read}.
 * @param model the ONNX model, external data inlined
 * @param signature its input and logits
 * @param classNames class names in label order
 * @param metadata the model's metadata properties
 */
public record SavedModel(ModelProto model, ModelSignature signature, List<String> classNames,
                         Map<String, String> metadata) {

    /**
     * @param settings device and threads
     * @return a predictor; the caller closes it
     * @throws OrtException when ONNX Runtime rejects the model (e.g. an operator it does not know)
     */
    public Predictor predictor(ExecutionSettings settings) throws OrtException {
        return new Predictor(model.toByteArray(), signature, settings);
    }
}
