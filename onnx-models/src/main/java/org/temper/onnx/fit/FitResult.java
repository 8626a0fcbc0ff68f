package org.temper.onnx.fit;

import java.util.List;

/**
 * The outcome of {@link Fitter#fit}.
 * @param network the trained network
 * @param history one report per epoch run
 * @param stopReason why training ended
 */
public record FitResult(TrainedNetwork network, List<EpochReport> history, StopReason stopReason) {

    /** Copies the history. */
    public FitResult {
        history = List.copyOf(history);
    }
}
