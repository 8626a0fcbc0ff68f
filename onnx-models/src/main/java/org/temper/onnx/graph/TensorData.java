package org.temper.onnx.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * An immutable dense tensor held in a little-endian byte buffer: the contents of initializers and
 * constants, and the host-side copy of parameters.
 */
public final class TensorData {

    private final DType dtype;
    private final long[] shape;
    private final ByteBuffer bytes;

    private TensorData(DType dtype, long[] shape, ByteBuffer bytes) {
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (count * dtype.bytes() != bytes.remaining()) {
            throw new IllegalArgumentException("Tensor of shape " + Arrays.toString(shape) + " and type "
                    + dtype + " needs " + count * dtype.bytes() + " bytes, got " + bytes.remaining());
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.bytes = bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param dtype element type
     * @param shape dimensions
     * @param littleEndian the raw data, little-endian
     * @return a tensor over a copy of the bytes
     */
    public static TensorData ofRaw(DType dtype, long[] shape, ByteBuffer littleEndian) {
        ByteBuffer copy = ByteBuffer.allocate(littleEndian.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(littleEndian.duplicate());
        copy.flip();
        return new TensorData(dtype, shape, copy);
    }

    /**
     * @param values data in row-major order
     * @param shape dimensions
     * @return a float tensor
     */
    public static TensorData ofFloats(float[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.FLOAT);
        b.asFloatBuffer().put(values);
        return new TensorData(DType.FLOAT, shape, b);
    }

    /**
     * @param values data in row-major order
     * @param shape dimensions
     * @return a double tensor
     */
    public static TensorData ofDoubles(double[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.DOUBLE);
        b.asDoubleBuffer().put(values);
        return new TensorData(DType.DOUBLE, shape, b);
    }

    /**
     * @param values data in row-major order
     * @param shape dimensions
     * @return an int64 tensor
     */
    public static TensorData ofLongs(long[] values, long... shape) {
        ByteBuffer b = allocate(values.length, DType.INT64);
        b.asLongBuffer().put(values);
        return new TensorData(DType.INT64, shape, b);
    }

    /**
     * A floating-point tensor of the given type filled from doubles.
     * @param dtype FLOAT or DOUBLE
     * @param values data in row-major order
     * @param shape dimensions
     * @return the tensor
     */
    public static TensorData ofReals(DType dtype, double[] values, long... shape) {
        return switch (dtype) {
            case DOUBLE -> ofDoubles(values, shape);
            case FLOAT -> {
                float[] f = new float[values.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
                yield ofFloats(f, shape);
            }
            default -> throw new IllegalArgumentException("Not a floating-point type: " + dtype);
        };
    }

    private static ByteBuffer allocate(int count, DType t) {
        return ByteBuffer.allocate(count * t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the element type. */
    public DType dtype() {
        return dtype;
    }

    /** @return a copy of the dimensions. */
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements. */
    public long elementCount() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /** @return a read-only little-endian view of the data, positioned at 0. */
    public ByteBuffer bytes() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the elements as floats (FLOAT or DOUBLE data). */
    public float[] toFloats() {
        float[] out = new float[(int) elementCount()];
        if (dtype == DType.FLOAT) {
            bytes().asFloatBuffer().get(out);
        } else {
            double[] d = toDoubles();
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) d[i];
            }
        }
        return out;
    }

    /** @return the elements as doubles (FLOAT or DOUBLE data). */
    public double[] toDoubles() {
        double[] out = new double[(int) elementCount()];
        if (dtype == DType.DOUBLE) {
            bytes().asDoubleBuffer().get(out);
        } else if (dtype == DType.FLOAT) {
            FloatBuffer f = bytes().asFloatBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = f.get(i);
            }
        } else {
            throw new IllegalStateException("Not a floating-point tensor: " + dtype);
        }
        return out;
    }

    /** @return the elements as longs (INT64 data). */
    public long[] toLongs() {
        if (dtype != DType.INT64) {
            throw new IllegalStateException("Not an int64 tensor: " + dtype);
        }
        long[] out = new long[(int) elementCount()];
        bytes().asLongBuffer().get(out);
        return out;
    }

    @Override
    public String toString() {
        return "TensorData(" + dtype + Arrays.toString(shape) + ")";
    }
}
