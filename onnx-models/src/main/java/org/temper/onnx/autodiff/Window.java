package org.temper.onnx.autodiff;

import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Value;

import java.util.Arrays;

/**
 * The sliding window of a Conv or pooling node over its input's spatial axes, with the ONNX
 * defaults filled in and {@code auto_pad} resolved to explicit pads. Gradient rules need the
 * spatial sizes to be fixed (the batch may be symbolic).
 * @param kernel window size per spatial axis
 * @param strides stride per spatial axis
 * @param pads begin pads of every spatial axis, then end pads
 * @param dilations dilation per spatial axis
 * @param inputSizes the input's spatial sizes
 */
record Window(long[] kernel, long[] strides, long[] pads, long[] dilations, long[] inputSizes) {

    /**
     * @param node a Conv, MaxPool or AveragePool node
     * @param kernel its window size per spatial axis
     * @return the node's window
     */
    static Window of(Node node, long[] kernel) {
        int n = kernel.length;
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            Dim d = node.input(0).shape().isKnown() ? node.input(0).shape().dim(2 + i) : Dim.UNKNOWN;
            if (!d.isFixed()) {
                throw new IllegalArgumentException(node.opType() + " node '" + node.name() + "': the gradient rule needs"
                        + " fixed spatial sizes, got input " + node.input(0));
            }
            sizes[i] = d.size();
        }
        long[] strides = orOnes(node.intsAttr("strides"), n);
        long[] dilations = orOnes(node.intsAttr("dilations"), n);
        String autoPad = (String) node.attributes().getOrDefault("auto_pad", "NOTSET");
        long[] pads = switch (autoPad) {
            case "NOTSET" -> node.intsAttr("pads") == null ? new long[2 * n] : node.intsAttr("pads").clone();
            case "VALID" -> new long[2 * n];
            case "SAME_UPPER", "SAME_LOWER" -> samePads(kernel, strides, dilations, sizes, autoPad.equals("SAME_UPPER"));
            default -> throw new IllegalArgumentException(node.opType() + " node '" + node.name() + "': unknown auto_pad "
                    + autoPad);
        };
        return new Window(kernel.clone(), strides, pads, dilations, sizes);
    }

    /** Pads that make the output size ceil(in / stride), the extra one at the end (upper) or the start. */
    private static long[] samePads(long[] kernel, long[] strides, long[] dilations, long[] sizes, boolean upper) {
        int n = kernel.length;
        long[] pads = new long[2 * n];
        for (int i = 0; i < n; i++) {
            long out = (sizes[i] + strides[i] - 1) / strides[i];
            long total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - sizes[i]);
            pads[i] = upper ? total / 2 : total - total / 2;
            pads[i + n] = total - pads[i];
        }
        return pads;
    }

    private static long[] orOnes(long[] values, int n) {
        if (values != null) {
            return values.clone();
        }
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    /** @return the number of spatial axes. */
    int rank() {
        return kernel.length;
    }

    /**
     * @param axis a spatial axis
     * @return the number of window positions along it (floor mode)
     */
    long outputSize(int axis) {
        return Math.floorDiv(inputSizes[axis] + pads[axis] + pads[axis + rank()] - span(axis), strides[axis]) + 1;
    }

    /** @return the extent of the dilated kernel along an axis. */
    long span(int axis) {
        return (kernel[axis] - 1) * dilations[axis] + 1;
    }

    /**
     * @return the output_padding of the ConvTranspose that maps this window's output back onto
     *     the input's sizes: the input positions past the last window, which receive no gradient
     */
    long[] transposePadding() {
        long[] padding = new long[rank()];
        for (int i = 0; i < padding.length; i++) {
            padding[i] = inputSizes[i] - (strides[i] * (outputSize(i) - 1) + span(i) - pads[i] - pads[i + rank()]);
        }
        return padding;
    }
}
