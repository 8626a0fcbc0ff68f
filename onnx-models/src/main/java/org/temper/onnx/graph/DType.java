package org.temper.onnx.graph;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;

/** Element types of graph values, each with its ONNX code. */
public enum DType {
    /** 32-bit float: weights, activations and losses in training graphs. */
    FLOAT(DataType.FLOAT, 4),
    /** 64-bit float: used by gradient checks against finite differences. */
    DOUBLE(DataType.DOUBLE, 8),
    /** 64-bit integer: labels, indices and shapes. */
    INT64(DataType.INT64, 8),
    /** 32-bit integer. */
    INT32(DataType.INT32, 4),
    /** Booleans: comparison results and dropout masks. */
    BOOL(DataType.BOOL, 1);

    private final DataType onnx;
    private final int bytes;

    DType(DataType onnx, int bytes) {
        this.onnx = onnx;
        this.bytes = bytes;
    }

    /** @return the ONNX TensorProto data type code. */
    public DataType onnx() {
        return onnx;
    }

    /** @return the size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** @return true for FLOAT and DOUBLE. */
    public boolean isFloatingPoint() {
        return this == FLOAT || this == DOUBLE;
    }

    /**
     * Finds the type with the given ONNX code.
     * @param code an ONNX TensorProto data type code
     * @return the matching type
     * @throws IllegalArgumentException naming the code when Temper does not support it
     */
    public static DType fromOnnx(int code) {
        for (DType t : values()) {
            if (t.onnx.getNumber() == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unsupported ONNX tensor element type " + code
                + " (" + DataType.forNumber(code) + "); Temper handles float, double, int64, int32 and bool");
    }
}
