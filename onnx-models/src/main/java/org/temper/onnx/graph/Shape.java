package org.temper.onnx.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a tensor value: a list of dimensions, some of which may be symbolic.
 * A null Shape (see {@link #unknown()}) means the rank itself is unknown.
 */
public final class Shape {

    private static final Shape UNKNOWN = new Shape(null);

    private final List<Dim> dims;

    private Shape(List<Dim> dims) {
        this.dims = dims == null ? null : List.copyOf(dims);
    }

    /**
     * @param dims the dimensions
     * @return a shape of these dimensions
     */
    public static Shape of(List<Dim> dims) {
        return new Shape(dims);
    }

    /**
     * @param sizes fixed sizes
     * @return a shape of fixed dimensions
     */
    public static Shape of(long... sizes) {
        List<Dim> list = new ArrayList<>(sizes.length);
        for (long s : sizes) {
            list.add(Dim.of(s));
        }
        return new Shape(list);
    }

    /**
     * A shape whose first dimension is the symbol "N" (the batch) and whose others are fixed.
     * @param rest the fixed trailing sizes
     * @return the shape [N, rest...]
     */
    public static Shape batchOf(long... rest) {
        List<Dim> list = new ArrayList<>(rest.length + 1);
        list.add(Dim.symbol("N"));
        for (long s : rest) {
            list.add(Dim.of(s));
        }
        return new Shape(list);
    }

    /** @return the scalar shape (rank 0). */
    public static Shape scalar() {
        return new Shape(List.of());
    }

    /** @return a shape of unknown rank. */
    public static Shape unknown() {
        return UNKNOWN;
    }

    /** @return true when the rank is known. */
    public boolean isKnown() {
        return dims != null;
    }

    /** @return true when the rank and every dimension are fixed. */
    public boolean isFullyFixed() {
        return dims != null && dims.stream().allMatch(Dim::isFixed);
    }

    /** @return the rank; throws when unknown. */
    public int rank() {
        return known().size();
    }

    /**
     * @param i a dimension index, negative counts from the end
     * @return that dimension
     */
    public Dim dim(int i) {
        List<Dim> d = known();
        return d.get(i < 0 ? d.size() + i : i);
    }

    /** @return the dimensions; throws when the rank is unknown. */
    public List<Dim> dims() {
        return known();
    }

    /** @return the fixed sizes; throws unless fully fixed. */
    public long[] sizes() {
        if (!isFullyFixed()) {
            throw new IllegalStateException("Shape " + this + " is not fully known");
        }
        return dims.stream().mapToLong(Dim::size).toArray();
    }

    /** @return the number of elements; throws unless fully fixed. */
    public long elementCount() {
        return Arrays.stream(sizes()).reduce(1, (a, b) -> a * b);
    }

    /**
     * @param other another shape
     * @return true when both have the same rank and provably equal dimensions
     */
    public boolean sameAs(Shape other) {
        if (!isKnown() || !other.isKnown() || rank() != other.rank()) {
            return false;
        }
        for (int i = 0; i < rank(); i++) {
            if (!dims.get(i).sameAs(other.dims.get(i))) {
                return false;
            }
        }
        return true;
    }

    private List<Dim> known() {
        if (dims == null) {
            throw new IllegalStateException("The rank of this value is unknown");
        }
        return dims;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Objects.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(dims);
    }

    @Override
    public String toString() {
        return dims == null ? "[?]" : dims.toString();
    }
}
