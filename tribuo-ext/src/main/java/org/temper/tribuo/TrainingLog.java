package org.temper.tribuo;

import org.temper.onnx.fit.EpochReport;
import org.temper.onnx.fit.FitResult;
import org.temper.onnx.fit.TrainingListener;

import java.util.Locale;
import java.util.logging.Logger;

/** Reports training progress to java.util.logging, as Tribuo's own trainers do. */
final class TrainingLog implements TrainingListener {

    private static final Logger LOGGER = Logger.getLogger(TrainingLog.class.getName());

    private final String trainer;

    /** @param trainer the trainer's name, prefixed to each line */
    TrainingLog(String trainer) {
        this.trainer = trainer;
    }

    @Override
    public void onStart(int epochs, int stepsPerEpoch, int examples) {
        LOGGER.info(() -> String.format(Locale.ROOT, "%s: %d examples, %d epochs of %d steps", trainer, examples,
                epochs, stepsPerEpoch));
    }

    @Override
    public void onNotice(String message) {
        LOGGER.warning(() -> trainer + ": " + message);
    }

    @Override
    public void onEpoch(EpochReport r) {
        LOGGER.info(() -> trainer + ": " + r.describe());
    }

    /** @param result the finished run: logs how it ended and which epoch's weights were kept */
    void finished(FitResult result) {
        LOGGER.info(() -> trainer + ": " + result.summary());
    }
}
