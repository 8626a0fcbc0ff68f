package org.temper.onnx.autodiff;

import org.temper.onnx.graph.DType;
import org.temper.onnx.graph.GraphBuilder;
import org.temper.onnx.graph.Node;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient rules of Conv, MaxPool, AveragePool and GlobalAveragePool over [N, C, spatial...]
 * inputs with fixed spatial sizes, in standard operators only.
 */
final class ConvolutionRules {

    private ConvolutionRules() {
    }

    static void register(GradientRegistry r) {
        r.register("Conv", ConvolutionRules::conv);
        r.register("MaxPool", ConvolutionRules::maxPool);
        r.register("AveragePool", ConvolutionRules::averagePool);
        r.register("GlobalAveragePool", ConvolutionRules::globalAveragePool);
    }

    /**
     * Y = conv(X, W) + B. dX is the transposed convolution of dY with W (output_padding restores
     * the input positions past the last window). dW[m, c, i] = sum over n, o of
     * dY[n, m, o] X[n, c, o stride + i dilation]: a convolution of X transposed to [C, N, ...] with
     * dY transposed to [M, N, ...] as the kernel, stride and dilation swapped, cut to the kernel
     * size and transposed back. dB sums dY over all axes but the channels. The weight gradient
     * needs group 1.
     */
    private static List<Value> conv(GradientContext ctx, Node node, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        Value w = node.input(1);
        Value bias = node.input(2);
        Value dy = g.get(0);
        long group = node.intAttr("group", 1);
        if (!w.shape().isFullyFixed()) {
            throw new IllegalArgumentException("Conv node '" + node.name() + "': the gradient rule needs weights of"
                    + " fixed shape, got " + w);
        }
        long[] wSizes = w.shape().sizes();
        Window win = Window.of(node, Arrays.copyOfRange(wSizes, 2, wSizes.length));
        Value dx = ctx.needsGradient(x) ? b.convTranspose(dy, w, win.strides(), win.pads(), win.dilations(),
                win.transposePadding(), group) : null;
        Value dw = null;
        if (ctx.needsGradient(w)) {
            if (group != 1) {
                throw new IllegalArgumentException("Conv node '" + node.name() + "': the weight gradient supports"
                        + " group 1 only, got group " + group);
            }
            dw = weightGradient(b, x, dy, win);
        }
        Value db = ctx.needsGradient(bias) ? b.reduceSum(dy, false, allButChannels(dy)) : null;
        return Arrays.asList(dx, dw, db);
    }

    private static Value weightGradient(GraphBuilder b, Value x, Value dy, Window win) {
        long[] swap = swapFirstTwo(win.rank() + 2);
        Value full = b.conv(b.transpose(x, swap), b.transpose(dy, swap), null, win.dilations(), win.pads(),
                win.strides(), 1);
        long[] spatial = new long[win.rank()];
        boolean cut = false;
        for (int i = 0; i < spatial.length; i++) {
            spatial[i] = 2 + i;
            cut |= full.shape().dim(2 + i).size() != win.kernel()[i];
        }
        return b.transpose(cut ? b.slice(full, spatial, win.kernel()) : full, swap);
    }

    /**
     * Each output gradient goes to the input position its window's maximum came from: dY is added
     * into zeros at the flat positions of the forward node's Indices output (ScatterElements with
     * reduction add, so overlapping windows accumulate). A node without that output (or with
     * column-major indices) has its indices recomputed by a second MaxPool in the backward graph.
     */
    private static List<Value> maxPool(GradientContext ctx, Node node, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        boolean ownIndices = node.outputs().size() > 1 && node.intAttr("storage_order", 0) == 0;
        Value indices = ownIndices ? node.output(1) : recomputedIndices(b, node);
        Value flat = b.scatterElements(b.reshape(b.zerosLike(x), -1), b.reshape(indices, -1), b.reshape(g.get(0), -1),
                0, "add");
        return Collections.singletonList(b.reshape(flat, b.shapeOf(x), x.shape()));
    }

    private static Value recomputedIndices(GraphBuilder b, Node node) {
        Map<String, Object> attrs = new LinkedHashMap<>(node.attributes());
        attrs.remove("storage_order");
        Value y = node.output(0);
        return b.op("MaxPool", List.of(node.input(0)), attrs,
                List.of(y, new Value("", DType.INT64, y.shape()))).get(1);
    }

    /**
     * Each input position receives dY / count from every window that covers it: dY is divided by
     * the number of positions its window averaged (the kernel size, or only the unpadded ones
     * when count_include_pad is 0; computed here from the static sizes), then spread by a
     * transposed depthwise convolution with a kernel of ones. Floor mode only.
     */
    private static List<Value> averagePool(GradientContext ctx, Node node, List<Value> g) {
        if (node.intAttr("ceil_mode", 0) != 0) {
            throw new IllegalArgumentException("AveragePool node '" + node.name() + "': the gradient rule supports"
                    + " ceil_mode 0 only");
        }
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        Value dy = g.get(0);
        Window win = Window.of(node, node.intsAttr("kernel_shape"));
        long channels = x.shape().dim(1).size();
        if (channels < 0) {
            throw new IllegalArgumentException("AveragePool node '" + node.name() + "': the gradient rule needs a fixed"
                    + " channel count, got " + x);
        }
        boolean includePad = node.intAttr("count_include_pad", 0) == 1;
        long[] kernelShape = new long[win.rank() + 2];
        kernelShape[0] = channels;
        kernelShape[1] = 1;
        System.arraycopy(win.kernel(), 0, kernelShape, 2, win.rank());
        double[] ones = new double[(int) Shape.of(kernelShape).elementCount()];
        Arrays.fill(ones, 1);
        Value kernel = b.constant(TensorData.ofReals(dy.dtype(), ones, kernelShape));
        Value scaled = b.mul(dy, b.constant(inverseCounts(win, includePad, dy.dtype())));
        long[] noDilation = new long[win.rank()];
        Arrays.fill(noDilation, 1);
        return Collections.singletonList(b.convTranspose(scaled, kernel, win.strides(), win.pads(), noDilation,
                win.transposePadding(), channels));
    }

    /** The reciprocal of each window's divisor, shaped like the output's spatial axes. */
    private static TensorData inverseCounts(Window win, boolean includePad, DType dtype) {
        int n = win.rank();
        long[] outSizes = new long[n];
        List<double[]> perAxis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outSizes[i] = win.outputSize(i);
            double[] counts = new double[(int) outSizes[i]];
            for (int o = 0; o < counts.length; o++) {
                long start = o * win.strides()[i] - win.pads()[i];
                long end = Math.min(start + win.kernel()[i], win.inputSizes()[i] + win.pads()[i + n]);
                counts[o] = includePad ? end - start : Math.min(end, win.inputSizes()[i]) - Math.max(start, 0);
            }
            perAxis.add(counts);
        }
        double[] inverse = new double[(int) Shape.of(outSizes).elementCount()];
        for (int flat = 0; flat < inverse.length; flat++) {
            double count = 1;
            int rest = flat;
            for (int i = n - 1; i >= 0; i--) {
                count *= perAxis.get(i)[(int) (rest % outSizes[i])];
                rest /= (int) outSizes[i];
            }
            inverse[flat] = 1 / count;
        }
        return TensorData.ofReals(dtype, inverse, outSizes);
    }

    /** Y = mean of X over the spatial axes: dX = dY / (their size), expanded to X's shape. */
    private static List<Value> globalAveragePool(GradientContext ctx, Node node, List<Value> g) {
        GraphBuilder b = ctx.builder();
        Value x = node.input(0);
        Shape spatial = Shape.of(x.shape().dims().subList(2, x.shape().rank()));
        if (!spatial.isFullyFixed()) {
            throw new IllegalArgumentException("GlobalAveragePool node '" + node.name() + "': the gradient rule needs"
                    + " fixed spatial sizes, got " + x);
        }
        Value dy = g.get(0);
        Value scaled = b.mul(dy, b.scalar(1.0 / spatial.elementCount(), dy.dtype()));
        return Collections.singletonList(b.expand(scaled, b.shapeOf(x), x.shape()));
    }

    /** @return every axis of v except axis 1 (the channels). */
    static long[] allButChannels(Value v) {
        long[] axes = new long[v.shape().rank() - 1];
        axes[0] = 0;
        for (int i = 1; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }

    private static long[] swapFirstTwo(int rank) {
        long[] perm = new long[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        perm[0] = 1;
        perm[1] = 0;
        return perm;
    }
}
