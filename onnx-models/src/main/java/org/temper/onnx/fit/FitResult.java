package org.temper.onnx.fit;

import org.temper.onnx.model.TrainedNetwork;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link Fitter#fit}.
 * @param network the trained network
 * @param history one report per epoch run
 * @param stopReason why training ended
 * @param keptEpoch the 1-based epoch whose parameters the network holds (the best validation epoch
 *        after early stopping, else the last epoch run)
 */
public record FitResult(TrainedNetwork network, List<EpochReport> history, StopReason stopReason, int keptEpoch) {

    /**
     * Copies the history.
     * @param network the trained network
     * @param history one report per epoch run
     * @param stopReason why training ended
     * @param keptEpoch the 1-based epoch whose parameters the network holds (the best validation epoch
     *        after early stopping, else the last epoch run)
     */
    public FitResult {
        history = List.copyOf(history);
    }

    /**
     * @param replacement the network to hold instead (e.g. with its input standardisation)
     * @return this outcome with another network
     */
    public FitResult withNetwork(TrainedNetwork replacement) {
        return new FitResult(replacement, history, stopReason, keptEpoch);
    }

    /** @return one line that says how training ended and which epoch's weights were kept */
    public String summary() {
        int ran = history.size();
        return switch (stopReason) {
            case COMPLETED -> String.format(Locale.ROOT, "Training completed %d epochs.", ran);
            case EARLY_STOPPING -> String.format(Locale.ROOT, "Early stopping after epoch %d: kept the weights of"
                    + " epoch %d (validation accuracy %.2f%%).", ran, keptEpoch,
                    100 * history.get(keptEpoch - 1).validationAccuracy());
            case TIME_BUDGET -> String.format(Locale.ROOT, "The time budget ran out in epoch %d: kept the weights"
                    + " reached then.", ran);
            case STOP_REQUESTED -> String.format(Locale.ROOT, "Stopped on request in epoch %d: kept the weights"
                    + " reached then.", ran);
        };
    }
}
