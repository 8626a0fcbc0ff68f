package org.temper.onnx.graph;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a {@link Graph} one operator at a time, inferring the type and shape of every value so
 * that gradient rules can undo broadcasts (the shape rules themselves live in ShapeInference).
 * Typed methods cover the operators Temper emits (ONNX opset {@value #OPSET}); {@link #op} adds
 * any other operator with explicitly given outputs.
 * Subgraph builders share their parent's name counter, so names are unique across a model.
 */
public final class GraphBuilder {

    /** The ONNX opset every Temper graph is written for. */
    public static final int OPSET = 17;

    private final AtomicInteger counter;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final Map<Value, TensorData> initializers = new LinkedHashMap<>();
    private final List<Node> nodes = new ArrayList<>();

    /** Starts an empty top-level graph. */
    public GraphBuilder() {
        this(new AtomicInteger());
    }

    private GraphBuilder(AtomicInteger counter) {
        this.counter = counter;
    }

    /** @return a builder for a subgraph (e.g. a Loop body) whose names never clash with this one's. */
    public GraphBuilder subgraph() {
        return new GraphBuilder(counter);
    }

    /**
     * @param prefix a readable prefix
     * @return a fresh unique name
     */
    public String freshName(String prefix) {
        return prefix + "_" + counter.getAndIncrement();
    }

    // ------------------------------------------------------------------ graph interface

    /**
     * Declares a graph input.
     * @param name its name
     * @param dtype element type
     * @param shape shape, with symbolic dimensions where they vary
     * @return the input value
     */
    public Value input(String name, DType dtype, Shape shape) {
        Value v = new Value(name, dtype, shape);
        inputs.add(v);
        return v;
    }

    /**
     * Adds a named initializer, the form in which parameters of an inference model are stored.
     * @param name its name
     * @param data its contents
     * @return the value
     */
    public Value initializer(String name, TensorData data) {
        Value v = new Value(name, data.dtype(), Shape.of(data.shape()));
        initializers.put(v, data);
        return v;
    }

    /**
     * Declares a value as a graph output.
     * @param v the value
     * @return v
     */
    public Value output(Value v) {
        outputs.add(v);
        return v;
    }

    /**
     * Declares a graph output under a chosen name, through an Identity node.
     * @param v the value
     * @param name the output name
     * @return the renamed value
     */
    public Value output(Value v, String name) {
        Value renamed = new Value(name, v.dtype(), v.shape());
        nodes.add(new Node("Identity", "", freshName("Identity"), List.of(v), List.of(renamed), Map.of()));
        outputs.add(renamed);
        return renamed;
    }

    /**
     * Adds a node whose outputs the caller describes. All other methods end here.
     * @param opType operator type
     * @param ins inputs, null for an omitted optional input
     * @param attrs attributes
     * @param outs output types, as values whose names are replaced with fresh ones
     * @return the output values
     */
    public List<Value> op(String opType, List<Value> ins, Map<String, Object> attrs, List<Value> outs) {
        List<Value> named = new ArrayList<>(outs.size());
        for (Value o : outs) {
            named.add(new Value(freshName(opType.toLowerCase()), o.dtype(), o.shape()));
        }
        nodes.add(new Node(opType, "", freshName(opType), ins, named, attrs));
        return named;
    }

    /**
     * Adds a node that was already built elsewhere (e.g. copied from an imported graph).
     * @param node the node
     */
    public void addNode(Node node) {
        nodes.add(node);
    }

    private Value op1(String opType, List<Value> ins, Map<String, Object> attrs, DType dtype, Shape shape) {
        return op(opType, ins, attrs, List.of(new Value("", dtype, shape))).get(0);
    }

    /**
     * @param name the graph name
     * @return the finished graph
     */
    public Graph build(String name) {
        return new Graph(name, inputs, outputs, initializers, nodes);
    }

    /** @return the nodes added so far, in order. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    // ------------------------------------------------------------------ constants

    /**
     * @param data contents
     * @return a Constant node's output
     */
    public Value constant(TensorData data) {
        return op1("Constant", List.of(), Map.of("value", data), data.dtype(), Shape.of(data.shape()));
    }

    /**
     * @param x the value
     * @param dtype FLOAT or DOUBLE
     * @return a scalar constant
     */
    public Value scalar(double x, DType dtype) {
        return constant(TensorData.ofReals(dtype, new double[] {x}));
    }

    /**
     * @param values the entries
     * @return a 1-D int64 constant
     */
    public Value longs(long... values) {
        return constant(TensorData.ofLongs(values, values.length));
    }

    /**
     * @param x the value
     * @return a scalar int64 constant
     */
    public Value longScalar(long x) {
        return constant(TensorData.ofLongs(new long[] {x}));
    }

    /**
     * @param x a value
     * @return zeros of x's element type and runtime shape
     */
    public Value zerosLike(Value x) {
        TensorData zero = TensorData.ofReals(x.dtype(), new double[] {0}, 1);
        return op1("ConstantOfShape", List.of(shapeOf(x)), Map.of("value", zero), x.dtype(), x.shape());
    }

    // ------------------------------------------------------------------ elementwise

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a + b with broadcasting.
     */
    public Value add(Value a, Value b) {
        return binary("Add", a, b);
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a - b with broadcasting.
     */
    public Value sub(Value a, Value b) {
        return binary("Sub", a, b);
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a * b with broadcasting.
     */
    public Value mul(Value a, Value b) {
        return binary("Mul", a, b);
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a / b with broadcasting.
     */
    public Value div(Value a, Value b) {
        return binary("Div", a, b);
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a ^ b with broadcasting.
     */
    public Value pow(Value a, Value b) {
        return binary("Pow", a, b);
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return max(a, b) elementwise with broadcasting.
     */
    public Value max(Value a, Value b) {
        return binary("Max", a, b);
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return min(a, b) elementwise with broadcasting.
     */
    public Value min(Value a, Value b) {
        return binary("Min", a, b);
    }

    private Value binary(String opType, Value a, Value b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(opType + " of " + a + " and " + b + ": element types differ");
        }
        return op1(opType, List.of(a, b), Map.of(), a.dtype(), broadcast(a.shape(), b.shape()));
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a &gt; b as booleans.
     */
    public Value greater(Value a, Value b) {
        return op1("Greater", List.of(a, b), Map.of(), DType.BOOL, broadcast(a.shape(), b.shape()));
    }

    /**
     * @param a the first operand
     * @param b the second operand
     * @return a == b as booleans.
     */
    public Value equal(Value a, Value b) {
        return op1("Equal", List.of(a, b), Map.of(), DType.BOOL, broadcast(a.shape(), b.shape()));
    }

    /**
     * @param cond the booleans that choose a
     * @param a the first operand
     * @param b the second operand
     * @return cond ? a : b elementwise.
     */
    public Value where(Value cond, Value a, Value b) {
        return op1("Where", Arrays.asList(cond, a, b), Map.of(), a.dtype(),
                broadcast(cond.shape(), broadcast(a.shape(), b.shape())));
    }

    /**
     * Numpy broadcasting of two shapes.
     * @param a one shape
     * @param b another
     * @return the broadcast shape
     * @throws IllegalArgumentException when two fixed dimensions conflict
     */
    public static Shape broadcast(Shape a, Shape b) {
        return ShapeInference.broadcast(a, b);
    }

    /**
     * @param x the input
     * @return exp(x).
     */
    public Value exp(Value x) {
        return unary("Exp", x);
    }

    /**
     * @param x the input
     * @return log(x).
     */
    public Value log(Value x) {
        return unary("Log", x);
    }

    /**
     * @param x the input
     * @return -x.
     */
    public Value neg(Value x) {
        return unary("Neg", x);
    }

    /**
     * @param x the input
     * @return sqrt(x).
     */
    public Value sqrt(Value x) {
        return unary("Sqrt", x);
    }

    /**
     * @param x the input
     * @return |x|.
     */
    public Value abs(Value x) {
        return unary("Abs", x);
    }

    /**
     * @param x the input
     * @return x unchanged, as a new value.
     */
    public Value identity(Value x) {
        return unary("Identity", x);
    }

    private Value unary(String opType, Value x) {
        return op1(opType, List.of(x), Map.of(), x.dtype(), x.shape());
    }

    /**
     * @param x input
     * @param to target element type
     * @return x converted
     */
    public Value cast(Value x, DType to) {
        return op1("Cast", List.of(x), Map.of("to", (long) to.onnx().getNumber()), to, x.shape());
    }

    // ------------------------------------------------------------------ activations

    /**
     * @param x the input
     * @return relu(x).
     */
    public Value relu(Value x) {
        return unary("Relu", x);
    }

    /**
     * @param x the input
     * @return sigmoid(x).
     */
    public Value sigmoid(Value x) {
        return unary("Sigmoid", x);
    }

    /**
     * @param x the input
     * @return tanh(x).
     */
    public Value tanh(Value x) {
        return unary("Tanh", x);
    }

    /**
     * @param x input
     * @param alpha slope for negative inputs
     * @return leaky relu of x
     */
    public Value leakyRelu(Value x, double alpha) {
        return op1("LeakyRelu", List.of(x), Map.of("alpha", alpha), x.dtype(), x.shape());
    }

    /**
     * @param x input
     * @param axis the class axis
     * @return softmax along axis
     */
    public Value softmax(Value x, long axis) {
        return op1("Softmax", List.of(x), Map.of("axis", axis), x.dtype(), x.shape());
    }

    /**
     * @param x input
     * @param axis the class axis
     * @return log-softmax along axis
     */
    public Value logSoftmax(Value x, long axis) {
        return op1("LogSoftmax", List.of(x), Map.of("axis", axis), x.dtype(), x.shape());
    }

    /**
     * Inverted dropout in training mode, returning the output and the boolean keep-mask.
     * @param x input
     * @param ratio probability of dropping an element
     * @param seed the seed attribute of the node
     * @return [output, mask]
     */
    public List<Value> dropout(Value x, double ratio, long seed) {
        Value r = scalar(ratio, x.dtype());
        Value training = constant(TensorData.ofRaw(DType.BOOL, new long[0],
                ByteBuffer.wrap(new byte[] {1})));
        return op("Dropout", List.of(x, r, training), Map.of("seed", seed),
                List.of(new Value("", x.dtype(), x.shape()), new Value("", DType.BOOL, x.shape())));
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * General matrix multiply: alpha * op(a) op(b) + beta * c.
     * @param a left matrix
     * @param b right matrix
     * @param c bias, broadcast to the result, or null
     * @param transA whether to transpose a
     * @param transB whether to transpose b
     * @return the product
     */
    public Value gemm(Value a, Value b, Value c, boolean transA, boolean transB) {
        return gemm(a, b, c, transA, transB, 1.0, 1.0);
    }

    /**
     * General matrix multiply with explicit scale factors: alpha * op(a) op(b) + beta * c.
     * @param a left matrix
     * @param b right matrix
     * @param c bias, broadcast to the result, or null
     * @param transA whether to transpose a
     * @param transB whether to transpose b
     * @param alpha the scale of the product
     * @param beta the scale of the bias
     * @return the product
     */
    public Value gemm(Value a, Value b, Value c, boolean transA, boolean transB, double alpha, double beta) {
        Shape out = ShapeInference.gemm(a.shape(), b.shape(), transA, transB);
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (transA) {
            attrs.put("transA", 1L);
        }
        if (transB) {
            attrs.put("transB", 1L);
        }
        if (alpha != 1.0) {
            attrs.put("alpha", alpha);
        }
        if (beta != 1.0) {
            attrs.put("beta", beta);
        }
        List<Value> ins = c == null ? List.of(a, b) : List.of(a, b, c);
        return op1("Gemm", ins, attrs, a.dtype(), out);
    }

    /**
     * Matrix product with numpy semantics for rank 2 and higher (equal leading dimensions).
     * @param a left operand
     * @param b right operand
     * @return a @ b
     */
    public Value matMul(Value a, Value b) {
        return op1("MatMul", List.of(a, b), Map.of(), a.dtype(), ShapeInference.matMul(a.shape(), b.shape()));
    }

    // ------------------------------------------------------------------ reductions

    /**
     * @param x input
     * @param keepDims whether reduced axes stay as size 1
     * @param axes axes to sum; none means all
     * @return the sum
     */
    public Value reduceSum(Value x, boolean keepDims, long... axes) {
        List<Value> ins = axes.length == 0 ? List.of(x) : List.of(x, longs(axes));
        return op1("ReduceSum", ins, Map.of("keepdims", keepDims ? 1L : 0L), x.dtype(),
                ShapeInference.reduce(x.shape(), keepDims, axes));
    }

    /**
     * @param x input
     * @param keepDims whether reduced axes stay as size 1
     * @param axes axes to average; none means all
     * @return the mean
     */
    public Value reduceMean(Value x, boolean keepDims, long... axes) {
        return reduceWithAttr("ReduceMean", x, keepDims, axes);
    }

    /**
     * @param x input
     * @param keepDims whether reduced axes stay as size 1
     * @param axes axes to sum the squares over; none means all
     * @return the sum of squares
     */
    public Value reduceSumSquare(Value x, boolean keepDims, long... axes) {
        return reduceWithAttr("ReduceSumSquare", x, keepDims, axes);
    }

    private Value reduceWithAttr(String opType, Value x, boolean keepDims, long... axes) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("keepdims", keepDims ? 1L : 0L);
        if (axes.length > 0) {
            attrs.put("axes", axes.clone());
        }
        return op1(opType, List.of(x), attrs, x.dtype(), ShapeInference.reduce(x.shape(), keepDims, axes));
    }

    /**
     * @param x input
     * @param axis the axis
     * @param keepDims whether that axis stays as size 1
     * @return the int64 index of the maximum along axis
     */
    public Value argMax(Value x, long axis, boolean keepDims) {
        return op1("ArgMax", List.of(x), Map.of("axis", axis, "keepdims", keepDims ? 1L : 0L), DType.INT64,
                ShapeInference.reduce(x.shape(), keepDims, axis));
    }

    // ------------------------------------------------------------------ shapes and indexing

    /**
     * @param x input
     * @param target the new shape: fixed sizes, 0 to copy an input dimension, -1 for one inferred
     * @return x reshaped
     */
    public Value reshape(Value x, long... target) {
        Shape out = ShapeInference.reshape(x.shape(), target);
        return op1("Reshape", List.of(x, longs(target)), Map.of(), x.dtype(), out);
    }

    /**
     * Reshapes to the runtime shape held by an int64 value.
     * @param x input
     * @param shapeValue 1-D int64 shape
     * @param result the known result shape
     * @return x reshaped
     */
    public Value reshape(Value x, Value shapeValue, Shape result) {
        return op1("Reshape", List.of(x, shapeValue), Map.of(), x.dtype(), result);
    }

    /**
     * @param x input of rank 2 or more
     * @param axis dimensions before axis form the rows, the rest the columns
     * @return a 2-D view
     */
    public Value flatten(Value x, long axis) {
        return op1("Flatten", List.of(x), Map.of("axis", axis), x.dtype(), ShapeInference.flatten(x.shape(), axis));
    }

    /**
     * @param x input
     * @param perm the permutation of axes
     * @return x with axes permuted
     */
    public Value transpose(Value x, long... perm) {
        return op1("Transpose", List.of(x), Map.of("perm", perm.clone()), x.dtype(),
                ShapeInference.transpose(x.shape(), perm));
    }

    /**
     * @param x input
     * @param axes positions of new size-1 axes in the result
     * @return x with those axes inserted
     */
    public Value unsqueeze(Value x, long... axes) {
        Shape out = ShapeInference.unsqueeze(x.shape(), axes);
        return op1("Unsqueeze", List.of(x, longs(axes)), Map.of(), x.dtype(), out);
    }

    /**
     * @param axis the axis to join along
     * @param parts the values to join
     * @return the concatenation
     */
    public Value concat(long axis, Value... parts) {
        Shape out = ShapeInference.concat(axis, Arrays.stream(parts).map(Value::shape).toList());
        return op1("Concat", List.of(parts), Map.of("axis", axis), parts[0].dtype(), out);
    }

    /**
     * Splits x along an axis into parts whose sizes are given at run time (opset 13 and later
     * take {@code split} as an input).
     * @param x input
     * @param axis the axis to cut, negative counts from the end
     * @param sizes 1-D int64 value holding the size of each part along axis
     * @param partSizes the size of each part along axis as far as known, one per output
     * @return the parts, in order
     */
    public List<Value> split(Value x, long axis, Value sizes, List<Dim> partSizes) {
        List<Value> outs = new ArrayList<>(partSizes.size());
        for (Dim part : partSizes) {
            outs.add(new Value("", x.dtype(), ShapeInference.splitPart(x.shape(), axis, part)));
        }
        return op("Split", List.of(x, sizes), Map.of("axis", axis), outs);
    }

    /**
     * @param x input
     * @param axes the axes to cut
     * @param ends the end (exclusive) on each of those axes; each starts at 0
     * @return the leading part of x along the axes
     */
    public Value slice(Value x, long[] axes, long[] ends) {
        Shape out = ShapeInference.slice(x.shape(), axes, ends);
        return op1("Slice", List.of(x, longs(new long[axes.length]), longs(ends), longs(axes)), Map.of(), x.dtype(),
                out);
    }

    /**
     * @param x data
     * @param indices int64 indices
     * @param axis the axis to gather along
     * @return the gathered entries
     */
    public Value gather(Value x, Value indices, long axis) {
        return op1("Gather", List.of(x, indices), Map.of("axis", axis), x.dtype(),
                ShapeInference.gather(x.shape(), indices.shape(), axis));
    }

    /**
     * @param data the tensor to write into
     * @param indices int64 positions along axis, the shape of updates
     * @param updates the values to write
     * @param axis the axis the indices address
     * @param reduction "none", "add" or "mul": how an update combines with the entry it hits
     * @return a copy of data with the updates applied
     */
    public Value scatterElements(Value data, Value indices, Value updates, long axis, String reduction) {
        return op1("ScatterElements", List.of(data, indices, updates), Map.of("axis", axis, "reduction", reduction),
                data.dtype(), data.shape());
    }

    /**
     * @param x input
     * @param shapeValue 1-D int64 target shape, broadcast with x's
     * @param result the known result shape
     * @return x broadcast to the target
     */
    public Value expand(Value x, Value shapeValue, Shape result) {
        return op1("Expand", List.of(x, shapeValue), Map.of(), x.dtype(), result);
    }

    /**
     * @param x input
     * @return its shape as a 1-D int64 value
     */
    public Value shapeOf(Value x) {
        return op1("Shape", List.of(x), Map.of(), DType.INT64, ShapeInference.shapeOf(x.shape()));
    }

    /**
     * One-hot encodes int64 class indices along a new last axis.
     * @param indices int64 indices of shape [N]
     * @param depth number of classes K
     * @param dtype FLOAT or DOUBLE result
     * @return [N, K] with 1 at each index and 0 elsewhere (ONNX Runtime has no double OneHot kernel, so a
     *     DOUBLE result is a float one-hot cast to double, which is exact)
     */
    public Value oneHot(Value indices, long depth, DType dtype) {
        Value values = constant(TensorData.ofReals(DType.FLOAT, new double[] {0, 1}, 2));
        Shape out = ShapeInference.oneHot(indices.shape(), depth);
        Value hot = op1("OneHot", List.of(indices, longs(depth), values), Map.of("axis", -1L), DType.FLOAT, out);
        return dtype == DType.FLOAT ? hot : cast(hot, dtype);
    }

    // ------------------------------------------------------------------ convolution and pooling

    /**
     * Convolution over the spatial axes of [N, C, spatial...] with explicit pads.
     * @param x input [N, C, spatial...]
     * @param w weights [M, C / group, kernel...]
     * @param bias [M], or null
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @param dilations dilation per spatial axis
     * @param group number of channel groups
     * @return [N, M, out...] with out = floor((in + pads - ((k - 1) dilation + 1)) / stride) + 1
     */
    public Value conv(Value x, Value w, Value bias, long[] strides, long[] pads, long[] dilations, long group) {
        Shape out = ShapeInference.conv(x.shape(), w.shape(), strides, pads, dilations);
        List<Value> ins = bias == null ? List.of(x, w) : List.of(x, w, bias);
        return op1("Conv", ins, windowAttrs(null, strides, pads, dilations, group), x.dtype(), out);
    }

    /**
     * Transposed convolution (the adjoint of {@link #conv} in x), with explicit pads and output padding.
     * @param x input [N, C, spatial...]
     * @param w weights [C, M / group, kernel...]
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @param dilations dilation per spatial axis
     * @param outputPadding extra size at the end of each spatial axis of the result
     * @param group number of channel groups
     * @return [N, M, out...] with out = stride (in - 1) + outputPadding + (k - 1) dilation + 1 - pads
     */
    public Value convTranspose(Value x, Value w, long[] strides, long[] pads, long[] dilations, long[] outputPadding,
                               long group) {
        Shape out = ShapeInference.convTranspose(x.shape(), w.shape(), strides, pads, dilations, outputPadding, group);
        Map<String, Object> attrs = windowAttrs(null, strides, pads, dilations, group);
        attrs.put("output_padding", outputPadding.clone());
        return op1("ConvTranspose", List.of(x, w), attrs, x.dtype(), out);
    }

    /**
     * Max pooling (floor mode, no dilation).
     * @param x input [N, C, spatial...]
     * @param kernel window size per spatial axis
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @param withIndices whether to add the int64 Indices output (flat positions in x), which the
     *     gradient rule reads; training graphs ask for it, inference graphs need not
     * @return [output] or [output, indices]
     */
    public List<Value> maxPool(Value x, long[] kernel, long[] strides, long[] pads, boolean withIndices) {
        Shape out = ShapeInference.pool(x.shape(), kernel, strides, pads);
        List<Value> outs = withIndices
                ? List.of(new Value("", x.dtype(), out), new Value("", DType.INT64, out))
                : List.of(new Value("", x.dtype(), out));
        return op("MaxPool", List.of(x), windowAttrs(kernel, strides, pads, null, 1), outs);
    }

    /**
     * Average pooling (floor mode).
     * @param x input [N, C, spatial...]
     * @param kernel window size per spatial axis
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @param countIncludePad whether padded positions count in the divisor
     * @return the pooled value
     */
    public Value averagePool(Value x, long[] kernel, long[] strides, long[] pads, boolean countIncludePad) {
        Map<String, Object> attrs = windowAttrs(kernel, strides, pads, null, 1);
        attrs.put("count_include_pad", countIncludePad ? 1L : 0L);
        return op1("AveragePool", List.of(x), attrs, x.dtype(), ShapeInference.pool(x.shape(), kernel, strides, pads));
    }

    /**
     * @param x input [N, C, spatial...]
     * @return the mean over the spatial axes, [N, C, 1...]
     */
    public Value globalAveragePool(Value x) {
        return op1("GlobalAveragePool", List.of(x), Map.of(), x.dtype(), ShapeInference.globalPool(x.shape()));
    }

    /**
     * Batch normalization in inference mode: scale (x - mean) / sqrt(var + epsilon) + bias per channel.
     * @param x input [N, C, ...]
     * @param scale [C]
     * @param bias [C]
     * @param mean running mean [C]
     * @param var running variance [C]
     * @param epsilon added to the variance
     * @return the normalized value
     */
    public Value batchNormalization(Value x, Value scale, Value bias, Value mean, Value var, double epsilon) {
        return op1("BatchNormalization", List.of(x, scale, bias, mean, var), Map.of("epsilon", epsilon), x.dtype(),
                x.shape());
    }

    private static Map<String, Object> windowAttrs(long[] kernel, long[] strides, long[] pads, long[] dilations,
                                                   long group) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (kernel != null) {
            attrs.put("kernel_shape", kernel.clone());
        }
        attrs.put("strides", strides.clone());
        attrs.put("pads", pads.clone());
        if (dilations != null) {
            attrs.put("dilations", dilations.clone());
        }
        if (group != 1) {
            attrs.put("group", group);
        }
        return attrs;
    }
}
