package org.temper.examples;

import org.temper.onnx.runtime.ExitOnSignal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code temper} command line: one subcommand per job. */
@Command(name = "temper", mixinStandardHelpOptions = true, version = "temper 0.1.0",
        description = "Train calibrated neural classifiers as ONNX graphs and measure their calibration.",
        footer = {"", "Grids of recipes, in this process or as Apache Spark tasks: ./temper sweep --help"
            + " (built on first use; see docs/sweeps.md)."},
        subcommands = {CommandLine.HelpCommand.class, TrainCommand.class, PredictCommand.class,
            CalibrateCommand.class, DemoCommand.class, BenchCommand.class,
            org.temper.examples.reproduce.ReproduceCommand.class})
public final class TemperCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line; Ctrl-C or SIGTERM during training ends it cleanly ({@link ExitOnSignal}).
     * @param args the arguments
     */
    public static void main(String[] args) {
        ExitOnSignal.install();
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the command line with Temper's error handling: a bad value or input is one clear line
     *         and exit code 2, never a stack trace
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TemperCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    || e instanceof org.temper.onnx.runtime.DeviceUnavailableException
                    || e instanceof org.temper.onnx.runtime.DeviceMemoryException
                    || e instanceof org.temper.onnx.fit.TrainingDivergedException
                    || e instanceof ai.onnxruntime.OrtException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("temper " + cmd.getCommandName() + ": "
                        + e.getMessage()));
                return 2;
            }
            throw e;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'temper --help'");
    }
}
