package org.temper.onnx.runtime;

/** Thrown when the requested device (CUDA) cannot be used; the message says why and how to fix it. */
public final class DeviceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to fix it
     */
    public DeviceUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what is missing and how to fix it
     * @param cause the underlying ONNX Runtime error
     */
    public DeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
