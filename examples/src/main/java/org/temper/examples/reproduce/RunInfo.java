package org.temper.examples.reproduce;

import ai.onnxruntime.OrtEnvironment;
import org.temper.examples.TemperCommand;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.List;

/**
 * Where and how a run ran, for the reports.
 *
 * @param temper Temper's version
 * @param onnxRuntime ONNX Runtime's version
 * @param java the Java runtime's version and vendor
 * @param os the operating system and architecture
 * @param cores processors the JVM sees
 * @param device the recipe's device
 * @param finished when the run finished (UTC)
 * @param wallSeconds this run's wall-clock seconds
 * @param trained trials trained by this run
 * @param readBack trials read back from earlier runs
 * @param trialSeconds seconds of every trial's training and measuring together, earlier runs' included
 * @param failed the trials that failed, which the report's figures and summaries leave out
 */
public record RunInfo(String temper, String onnxRuntime, String java, String os, int cores, String device,
                      String finished, double wallSeconds, int trained, int readBack, double trialSeconds,
                      List<FailedTrial> failed) {

    /**
     * @param device the device
     * @param wallSeconds this run's seconds
     * @param outcome the trials
     * @return this machine's figures
     */
    static RunInfo here(String device, double wallSeconds, TrialLoop.Outcome<?> outcome) {
        return new RunInfo(TemperCommand.class.getAnnotation(Command.class).version()[0],
                OrtEnvironment.getEnvironment().getVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), device, Instant.now().toString(), wallSeconds,
                outcome.trained(), outcome.trials().size() - outcome.trained(),
                outcome.trialSeconds(), outcome.failed());
    }
}
