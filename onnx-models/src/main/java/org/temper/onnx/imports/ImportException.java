package org.temper.onnx.imports;

/**
 * Thrown when an exported model cannot be imported as a trainable network; the message names the
 * node, operator or value at fault and what to do about it.
 */
public final class ImportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the node, operator or value
     */
    public ImportException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the node, operator or value
     * @param cause the underlying failure
     */
    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
