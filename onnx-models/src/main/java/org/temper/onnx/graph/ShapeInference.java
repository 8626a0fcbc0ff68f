package org.temper.onnx.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The output shape of each operator {@link GraphBuilder} emits, worked out from its input shapes and
 * attributes. A shape of unknown rank in gives one out wherever the result's rank depends on it; a
 * dimension that cannot be worked out is {@link Dim#UNKNOWN}. Negative axes count from the end only
 * where the method says so.
 */
final class ShapeInference {

    private ShapeInference() {
    }

    // ------------------------------------------------------------------ elementwise

    /**
     * Numpy broadcasting of two shapes: aligned from the right, a size 1 stretches to the other.
     * @param a one shape
     * @param b another
     * @return the broadcast shape; unknown when either is
     * @throws IllegalArgumentException naming both shapes when two fixed dimensions conflict
     */
    static Shape broadcast(Shape a, Shape b) {
        if (!a.isKnown() || !b.isKnown()) {
            return Shape.unknown();
        }
        int rank = Math.max(a.rank(), b.rank());
        List<Dim> out = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            int ia = i - (rank - a.rank());
            int ib = i - (rank - b.rank());
            Dim da = ia >= 0 ? a.dim(ia) : Dim.of(1);
            Dim db = ib >= 0 ? b.dim(ib) : Dim.of(1);
            if (da.isOne()) {
                out.add(db);
            } else if (db.isOne() || da.sameAs(db)) {
                out.add(da);
            } else if (da.isFixed() && db.isFixed()) {
                throw new IllegalArgumentException("Shapes " + a + " and " + b + " do not broadcast");
            } else {
                out.add(da.isFixed() ? da : db.isFixed() ? db : da.symbol() != null ? da : db);
            }
        }
        return Shape.of(out);
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Gemm: [M, K] x [K, N] gives [M, N], with either operand read transposed.
     * @param a left matrix, of known rank 2
     * @param b right matrix, of known rank 2
     * @param transA whether a is read transposed
     * @param transB whether b is read transposed
     * @return [M, N]
     */
    static Shape gemm(Shape a, Shape b, boolean transA, boolean transB) {
        Dim m = transA ? a.dim(1) : a.dim(0);
        Dim n = transB ? b.dim(0) : b.dim(1);
        return Shape.of(List.of(m, n));
    }

    /**
     * MatMul of rank 2 or more: the batch dimensions broadcast, then [.., M, K] x [.., K, N] gives [.., M, N].
     * @param a left operand
     * @param b right operand
     * @return the product's shape; unknown unless both ranks are known and at least 2
     */
    static Shape matMul(Shape a, Shape b) {
        if (!a.isKnown() || !b.isKnown() || a.rank() < 2 || b.rank() < 2) {
            return Shape.unknown();
        }
        List<Dim> ad = a.dims();
        List<Dim> bd = b.dims();
        Shape batchA = Shape.of(ad.subList(0, ad.size() - 2));
        Shape batchB = Shape.of(bd.subList(0, bd.size() - 2));
        List<Dim> dims = new ArrayList<>(broadcast(batchA, batchB).dims());
        dims.add(ad.get(ad.size() - 2));
        dims.add(bd.get(bd.size() - 1));
        return Shape.of(dims);
    }

    // ------------------------------------------------------------------ reductions

    /**
     * Reductions (ReduceSum, ReduceMean, ArgMax, ...): the reduced axes go, or stay as size 1.
     * @param s input shape
     * @param keepDims whether reduced axes stay as size 1
     * @param axes the reduced axes, negative counts from the end; none means all
     * @return the reduced shape; unknown when s is
     */
    static Shape reduce(Shape s, boolean keepDims, long... axes) {
        if (!s.isKnown()) {
            return s;
        }
        int rank = s.rank();
        boolean[] reduced = new boolean[rank];
        if (axes.length == 0) {
            Arrays.fill(reduced, true);
        }
        for (long a : axes) {
            reduced[(int) (a < 0 ? a + rank : a)] = true;
        }
        List<Dim> d = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (!reduced[i]) {
                d.add(s.dim(i));
            } else if (keepDims) {
                d.add(Dim.of(1));
            }
        }
        return Shape.of(d);
    }

    // ------------------------------------------------------------------ shapes and indexing

    /**
     * Transpose: dimension i of the result is dimension perm[i] of the input.
     * @param x input shape
     * @param perm the permutation of axes
     * @return the permuted shape; unknown when x is
     */
    static Shape transpose(Shape x, long... perm) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>();
        for (long p : perm) {
            d.add(x.dim((int) p));
        }
        return Shape.of(d);
    }

    /**
     * Reshape to a constant target: a positive entry is that size, 0 copies the input dimension at the
     * same position, and -1 is the input's element count over the product of the positive entries.
     * @param in input shape; its rank must be known where target holds a 0
     * @param target the new shape
     * @return the reshaped shape, always of target's rank
     */
    static Shape reshape(Shape in, long... target) {
        List<Dim> d = new ArrayList<>();
        for (int i = 0; i < target.length; i++) {
            long t = target[i];
            d.add(t > 0 ? Dim.of(t) : t == 0 ? in.dim(i) : inferredDim(in, target));
        }
        return Shape.of(d);
    }

    /**
     * The size of Reshape's -1 entry: the elements of the input not copied by a 0 entry, over the
     * product of the positive entries.
     * @param in input shape
     * @param target the new shape
     * @return that size; unknown when a dimension it needs is not fixed
     */
    private static Dim inferredDim(Shape in, long[] target) {
        if (!in.isKnown()) {
            return Dim.UNKNOWN;
        }
        long inputElements = 1;
        for (int i = 0; i < in.rank(); i++) {
            boolean copied = i < target.length && target[i] == 0;
            if (!copied) {
                if (!in.dim(i).isFixed()) {
                    return Dim.UNKNOWN;
                }
                inputElements *= in.dim(i).size();
            }
        }
        long known = 1;
        for (long t : target) {
            if (t > 0) {
                known *= t;
            }
        }
        return Dim.of(inputElements / known);
    }

    /**
     * Flatten: [d0 .. d(axis-1)] become the rows and the rest the columns.
     * @param x input shape
     * @param axis the first column axis
     * @return [rows, columns]; unknown when x is
     */
    static Shape flatten(Shape x, long axis) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = x.dims();
        return Shape.of(List.of(product(d.subList(0, (int) axis)), product(d.subList((int) axis, d.size()))));
    }

    /**
     * @param dims some dimensions
     * @return their product: a lone dimension as it is (symbol kept), else fixed or unknown
     */
    private static Dim product(List<Dim> dims) {
        if (dims.size() == 1) {
            return dims.get(0);
        }
        long p = 1;
        for (Dim d : dims) {
            if (!d.isFixed()) {
                return Dim.UNKNOWN;
            }
            p *= d.size();
        }
        return Dim.of(p);
    }

    /**
     * The Shape operator, whose output is the input's shape as a 1-D tensor.
     * @param x input shape
     * @return [rank of x]; unknown when that rank is
     */
    static Shape shapeOf(Shape x) {
        return x.isKnown() ? Shape.of(x.rank()) : Shape.unknown();
    }

    /**
     * Unsqueeze: size-1 axes inserted at the given positions of the result.
     * @param x input shape
     * @param axes positions in the result, negative counts from the result's end
     * @return the result's shape; unknown when x is
     */
    static Shape unsqueeze(Shape x, long... axes) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        int rank = x.rank() + axes.length;
        Dim[] d = new Dim[rank];
        for (long a : axes) {
            d[(int) (a < 0 ? a + rank : a)] = Dim.of(1);
        }
        int j = 0;
        for (int i = 0; i < rank; i++) {
            if (d[i] == null) {
                d[i] = x.dim(j++);
            }
        }
        return Shape.of(List.of(d));
    }

    /**
     * Concat: the first part's shape with the sizes along axis summed.
     * @param axis the axis to join along, negative counts from the end
     * @param parts the parts' shapes, at least one
     * @return the joined shape, unknown along axis unless every part is fixed there; unknown when a part is
     */
    static Shape concat(long axis, List<Shape> parts) {
        if (!parts.stream().allMatch(Shape::isKnown)) {
            return Shape.unknown();
        }
        int rank = parts.get(0).rank();
        int ax = (int) (axis < 0 ? axis + rank : axis);
        List<Dim> d = new ArrayList<>(parts.get(0).dims());
        long total = 0;
        for (Shape p : parts) {
            Dim pd = p.dim(ax);
            total = total < 0 || !pd.isFixed() ? -1 : total + pd.size();
        }
        d.set(ax, total < 0 ? Dim.UNKNOWN : Dim.of(total));
        return Shape.of(d);
    }

    /**
     * One part of a Split: the input's shape with the size along axis replaced.
     * @param x input shape
     * @param axis the axis cut, negative counts from the end
     * @param part the part's size along axis
     * @return the part's shape; unknown when x is
     */
    static Shape splitPart(Shape x, long axis, Dim part) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(x.dims());
        d.set((int) (axis < 0 ? axis + d.size() : axis), part);
        return Shape.of(d);
    }

    /**
     * Slice from 0: each sliced axis becomes its end.
     * @param x input shape
     * @param axes the axes cut
     * @param ends the end (exclusive) on each of those axes
     * @return the slice's shape; unknown when x is
     */
    static Shape slice(Shape x, long[] axes, long[] ends) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(x.dims());
        for (int i = 0; i < axes.length; i++) {
            d.set((int) axes[i], Dim.of(ends[i]));
        }
        return Shape.of(d);
    }

    /**
     * Gather: the data's axis replaced by all of the indices' dimensions.
     * @param x data shape
     * @param indices indices shape
     * @param axis the axis gathered along
     * @return x[:axis] + indices + x[axis+1:]; unknown when either is
     */
    static Shape gather(Shape x, Shape indices, long axis) {
        if (!x.isKnown() || !indices.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(x.dims().subList(0, (int) axis));
        d.addAll(indices.dims());
        d.addAll(x.dims().subList((int) axis + 1, x.rank()));
        return Shape.of(d);
    }

    /**
     * OneHot along a new last axis.
     * @param indices indices shape, of known rank
     * @param depth number of classes
     * @return indices + [depth]
     */
    static Shape oneHot(Shape indices, long depth) {
        List<Dim> d = new ArrayList<>(indices.dims());
        d.add(Dim.of(depth));
        return Shape.of(d);
    }

    // ------------------------------------------------------------------ convolution and pooling

    /**
     * Conv over [N, C, spatial...] with weights [M, C / group, kernel...].
     * @param x input shape
     * @param w weights shape
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @param dilations dilation per spatial axis
     * @return [N, M, out...], each out as {@link #slidingSize}; unknown when x or w is
     */
    static Shape conv(Shape x, Shape w, long[] strides, long[] pads, long[] dilations) {
        if (!x.isKnown() || !w.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(List.of(x.dim(0), w.dim(0)));
        for (int i = 0; i < strides.length; i++) {
            d.add(slidingSize(x.dim(2 + i), w.dim(2 + i), strides[i], pads[i], pads[i + strides.length],
                    dilations[i]));
        }
        return Shape.of(d);
    }

    /**
     * ConvTranspose over [N, C, spatial...] with weights [C, M / group, kernel...]:
     * out = stride (in - 1) + outputPadding + (k - 1) dilation + 1 - padBegin - padEnd.
     * @param x input shape
     * @param w weights shape
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @param dilations dilation per spatial axis
     * @param outputPadding extra size at the end of each spatial axis
     * @param group number of channel groups
     * @return [N, M, out...], out unknown where in is not fixed; unknown unless x is known and w fully fixed
     */
    static Shape convTranspose(Shape x, Shape w, long[] strides, long[] pads, long[] dilations,
                               long[] outputPadding, long group) {
        if (!x.isKnown() || !w.isFullyFixed()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(List.of(x.dim(0), Dim.of(w.dim(1).size() * group)));
        for (int i = 0; i < strides.length; i++) {
            Dim in = x.dim(2 + i);
            d.add(in.isFixed() ? Dim.of(strides[i] * (in.size() - 1) + outputPadding[i]
                    + (w.dim(2 + i).size() - 1) * dilations[i] + 1 - pads[i] - pads[i + strides.length])
                    : Dim.UNKNOWN);
        }
        return Shape.of(d);
    }

    /**
     * MaxPool and AveragePool in floor mode (no ceil_mode), without dilation.
     * @param x input shape [N, C, spatial...]
     * @param kernel window size per spatial axis
     * @param strides stride per spatial axis
     * @param pads begin pads of every spatial axis, then end pads
     * @return [N, C, out...], each out as {@link #slidingSize} with dilation 1; unknown when x is
     */
    static Shape pool(Shape x, long[] kernel, long[] strides, long[] pads) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(x.dims().subList(0, 2));
        for (int i = 0; i < kernel.length; i++) {
            d.add(slidingSize(x.dim(2 + i), Dim.of(kernel[i]), strides[i], pads[i], pads[i + kernel.length], 1));
        }
        return Shape.of(d);
    }

    /**
     * GlobalAveragePool: every spatial axis becomes 1.
     * @param x input shape [N, C, spatial...]
     * @return [N, C, 1...]; unknown when x is
     */
    static Shape globalPool(Shape x) {
        if (!x.isKnown()) {
            return Shape.unknown();
        }
        List<Dim> d = new ArrayList<>(x.dims());
        for (int i = 2; i < d.size(); i++) {
            d.set(i, Dim.of(1));
        }
        return Shape.of(d);
    }

    /**
     * The number of window positions along one axis, rounding down:
     * floor((in + padBegin + padEnd - ((kernel - 1) dilation + 1)) / stride) + 1.
     * @param in the input size
     * @param kernel the window size
     * @param stride the step
     * @param padBegin padding before
     * @param padEnd padding after
     * @param dilation the gap between window taps
     * @return that count; unknown unless in and kernel are fixed
     */
    static Dim slidingSize(Dim in, Dim kernel, long stride, long padBegin, long padEnd, long dilation) {
        if (!in.isFixed() || !kernel.isFixed()) {
            return Dim.UNKNOWN;
        }
        return Dim.of(Math.floorDiv(in.size() + padBegin + padEnd - ((kernel.size() - 1) * dilation + 1), stride) + 1);
    }
}
