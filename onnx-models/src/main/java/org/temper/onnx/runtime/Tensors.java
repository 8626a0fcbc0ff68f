package org.temper.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.TensorData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversions between {@link TensorData} and ONNX Runtime tensors, always through direct buffers. */
public final class Tensors {

    private Tensors() {
    }

    /**
     * @param data host tensor
     * @return a new ONNX Runtime tensor over a direct copy of the data; the caller closes it
     * @throws OrtException on ONNX Runtime failure
     */
    public static OnnxTensor toOrt(TensorData data) throws OrtException {
        ByteBuffer direct = ByteBuffer.allocateDirect((int) (data.elementCount() * data.dtype().bytes()))
                .order(ByteOrder.nativeOrder());
        ByteBuffer src = data.bytes();
        switch (data.dtype()) {
            case FLOAT -> direct.asFloatBuffer().put(src.asFloatBuffer());
            case DOUBLE -> direct.asDoubleBuffer().put(src.asDoubleBuffer());
            case INT64 -> direct.asLongBuffer().put(src.asLongBuffer());
            case INT32 -> direct.asIntBuffer().put(src.asIntBuffer());
            case BOOL -> direct.put(src);
        }
        direct.rewind();
        return OnnxTensor.createTensor(OrtRuntime.environment(), direct, data.shape(), javaType(data.dtype()));
    }

    /**
     * @param tensor an ONNX Runtime tensor
     * @return a host copy
     */
    public static TensorData fromOrt(OnnxTensor tensor) {
        long[] shape = tensor.getInfo().getShape();
        ByteBuffer b = tensor.getByteBuffer().order(ByteOrder.nativeOrder());
        DType dtype = switch (tensor.getInfo().type) {
            case FLOAT -> DType.FLOAT;
            case DOUBLE -> DType.DOUBLE;
            case INT64 -> DType.INT64;
            case INT32 -> DType.INT32;
            case BOOL -> DType.BOOL;
            default -> throw new IllegalArgumentException("Unsupported tensor type " + tensor.getInfo().type);
        };
        ByteBuffer le = ByteBuffer.allocate(b.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case FLOAT -> le.asFloatBuffer().put(b.asFloatBuffer());
            case DOUBLE -> le.asDoubleBuffer().put(b.asDoubleBuffer());
            case INT64 -> le.asLongBuffer().put(b.asLongBuffer());
            case INT32 -> le.asIntBuffer().put(b.asIntBuffer());
            case BOOL -> le.put(b);
        }
        return TensorData.ofRaw(dtype, shape, le.rewind());
    }

    private static OnnxJavaType javaType(DType t) {
        return switch (t) {
            case FLOAT -> OnnxJavaType.FLOAT;
            case DOUBLE -> OnnxJavaType.DOUBLE;
            case INT64 -> OnnxJavaType.INT64;
            case INT32 -> OnnxJavaType.INT32;
            case BOOL -> OnnxJavaType.BOOL;
        };
    }
}
