package org.temper.onnx.graph;

/**
 * One dimension of a shape: a fixed size, or a named symbol such as the batch size "N".
 * Two dimensions are the same when both are fixed and equal or both carry the same symbol.
 * @param size the size, or -1 when symbolic or unknown
 * @param symbol the symbol name, or null when the size is fixed or entirely unknown
 */
public record Dim(long size, String symbol) {

    /** A dimension nothing is known about. */
    public static final Dim UNKNOWN = new Dim(-1, null);

    /**
     * @param size a non-negative size
     * @return a fixed dimension
     */
    public static Dim of(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("A fixed dimension must be >= 0, got " + size);
        }
        return new Dim(size, null);
    }

    /**
     * @param symbol a symbol name such as "N"
     * @return a symbolic dimension
     */
    public static Dim symbol(String symbol) {
        return new Dim(-1, symbol);
    }

    /** @return true when the size is known. */
    public boolean isFixed() {
        return size >= 0;
    }

    /** @return true when this dimension is fixed at 1. */
    public boolean isOne() {
        return size == 1;
    }

    /**
     * @param other another dimension
     * @return true when both are provably the same size
     */
    public boolean sameAs(Dim other) {
        if (isFixed() || other.isFixed()) {
            return size == other.size;
        }
        return symbol != null && symbol.equals(other.symbol);
    }

    @Override
    public String toString() {
        return isFixed() ? Long.toString(size) : (symbol == null ? "?" : symbol);
    }
}
