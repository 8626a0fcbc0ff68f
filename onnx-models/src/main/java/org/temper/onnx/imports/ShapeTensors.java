package org.temper.onnx.imports;

import org.temper.onnx.graph.Dim;
import org.temper.onnx.graph.Shape;
import org.temper.onnx.graph.TensorData;
import org.temper.onnx.graph.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of the small int64 tensors through which exported graphs compute shapes at run
 * time (Constant, Shape, Gather, Unsqueeze, Concat feeding a Reshape), as far as they are known
 * while replaying: literals, or the run-time size of a symbolic dimension such as the batch "N".
 * From them a Reshape's result gets a shape, so that gradient rules downstream can undo broadcasts.
 */
final class ShapeTensors {

    /**
     * One element: a literal, or (when {@code dim} is not null) the run-time size of that dimension.
     * @param literal the value when dim is null
     * @param dim a dimension whose size is not fixed, or null
     */
    private record Element(long literal, Dim dim) {
        static Element of(Dim d) {
            return d.isFixed() ? new Element(d.size(), null) : new Element(0, d);
        }
    }

    private final Map<Value, List<Element>> known = new HashMap<>();

    /** Records the contents of an int64 constant. */
    void constant(Value v, TensorData data) {
        if (data.elementCount() <= 64 && data.shape().length <= 1) {
            List<Element> e = new ArrayList<>();
            for (long x : data.toLongs()) {
                e.add(new Element(x, null));
            }
            known.put(v, e);
        }
    }

    /** Records the output of Shape(x). */
    void shape(Value out, Shape of) {
        if (of.isKnown()) {
            known.put(out, of.dims().stream().map(Element::of).toList());
        }
    }

    /** Records Gather(data, indices) along axis 0 of a known 1-D data tensor. */
    void gather(Value out, Value data, Value indices) {
        List<Element> d = known.get(data);
        List<Element> i = known.get(indices);
        if (d != null && i != null) {
            List<Element> e = new ArrayList<>();
            for (Element index : i) {
                if (index.dim() != null) {
                    return;
                }
                e.add(d.get((int) (index.literal() < 0 ? index.literal() + d.size() : index.literal())));
            }
            known.put(out, e);
        }
    }

    /** Records an operator that keeps the elements and changes only the rank (Unsqueeze, Identity). */
    void same(Value out, Value in) {
        List<Element> e = known.get(in);
        if (e != null) {
            known.put(out, e);
        }
    }

    /** Records the concatenation of 1-D tensors. */
    void concat(Value out, List<Value> parts) {
        List<Element> e = new ArrayList<>();
        for (Value p : parts) {
            List<Element> k = known.get(p);
            if (k == null) {
                return;
            }
            e.addAll(k);
        }
        known.put(out, e);
    }

    /**
     * @param v an int64 value
     * @return its elements as literals
     * @throws ImportException when they are not all known literals
     */
    long[] literals(Value v) {
        List<Element> e = known.get(v);
        if (e == null || e.stream().anyMatch(x -> x.dim() != null)) {
            throw new ImportException("'" + v.name() + "' must be a constant, but its value is only known at run time");
        }
        return e.stream().mapToLong(Element::literal).toArray();
    }

    /**
     * The shape of Reshape(x, target) under the ONNX rules: 0 copies the input dimension (unless
     * allowzero), -1 is inferred from the element count, symbolic sizes carry their symbol.
     * @param x the input's shape
     * @param target the shape tensor
     * @param allowZero the allowzero attribute
     * @return the result shape, with unknown dimensions where it cannot be told before run time
     */
    Shape reshaped(Shape x, Value target, boolean allowZero) {
        List<Element> t = known.get(target);
        if (t == null) {
            return target.shape().isFullyFixed() ? unknownDims((int) target.shape().elementCount()) : Shape.unknown();
        }
        List<Dim> out = new ArrayList<>();
        int inferred = -1;
        for (int i = 0; i < t.size(); i++) {
            Element e = t.get(i);
            if (e.dim() != null) {
                out.add(e.dim());
            } else if (e.literal() > 0 || (e.literal() == 0 && allowZero)) {
                out.add(Dim.of(e.literal()));
            } else if (e.literal() == 0) {
                out.add(x.isKnown() && i < x.rank() ? x.dim(i) : Dim.UNKNOWN);
            } else if (e.literal() == -1 && inferred < 0) {
                inferred = i;
                out.add(Dim.UNKNOWN);
            } else {
                throw new ImportException("The Reshape target '" + target.name() + "' holds " + e.literal()
                        + " at position " + i + "; entries must be positive, 0 or a single -1");
            }
        }
        if (inferred >= 0) {
            out.set(inferred, remaining(x, out));
        }
        return Shape.of(out);
    }

    private static Shape unknownDims(int rank) {
        List<Dim> d = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            d.add(Dim.UNKNOWN);
        }
        return Shape.of(d);
    }

    /**
     * The dimension that makes {@code out} hold as many elements as {@code x}, where the inferred
     * entry is out's only unknown one; unknown when that cannot be told before run time.
     */
    private static Dim remaining(Shape x, List<Dim> out) {
        if (!x.isKnown()) {
            return Dim.UNKNOWN;
        }
        List<String> symbols = new ArrayList<>();
        long elements = 1;
        for (Dim d : x.dims()) {
            if (d.isFixed()) {
                elements *= d.size();
            } else if (d.symbol() != null) {
                symbols.add(d.symbol());
            } else {
                return Dim.UNKNOWN;
            }
        }
        long known = 1;
        for (Dim d : out) {
            if (d.isFixed()) {
                known *= d.size();
            } else if (d.symbol() != null && !symbols.remove(d.symbol())) {
                return Dim.UNKNOWN;
            }
        }
        long unknownEntries = out.stream().filter(d -> !d.isFixed() && d.symbol() == null).count();
        if (unknownEntries != 1 || known == 0 || elements % known != 0) {
            return Dim.UNKNOWN;
        }
        if (symbols.isEmpty()) {
            return Dim.of(elements / known);
        }
        return symbols.size() == 1 && elements == known ? Dim.symbol(symbols.get(0)) : Dim.UNKNOWN;
    }
}
