package org.temper.calibration;

/** Thrown when one example's outputs or label are invalid; names the first bad row (0-based). */
public final class InvalidRowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 0-based index of the bad example. */
    private final int row;
    /** What is wrong with it. */
    private final String reason;

    /**
     * @param row the 0-based index of the bad example
     * @param reason what is wrong with it
     */
    public InvalidRowException(int row, String reason) {
        super("row " + row + ": " + reason);
        this.row = row;
        this.reason = reason;
    }

    /** @return the 0-based index of the first bad example */
    public int row() {
        return row;
    }

    /** @return what is wrong with that row, without the row number */
    public String reason() {
        return reason;
    }
}
