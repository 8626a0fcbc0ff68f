package org.temper.onnx.fit;

/** Why a training run ended. */
public enum StopReason {
    /** Every planned epoch ran. */
    COMPLETED,
    /** The validation accuracy stopped improving; the best epoch's parameters are kept. */
    EARLY_STOPPING,
    /** The time budget ran out. */
    TIME_BUDGET,
    /** A listener asked to stop. */
    STOP_REQUESTED
}
