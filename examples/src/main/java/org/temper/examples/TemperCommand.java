package org.temper.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code temper} command line: one subcommand per job. */
@Command(name = "temper", mixinStandardHelpOptions = true, version = "temper 0.1.0",
        description = "Train calibrated neural classifiers as ONNX graphs and measure their calibration.",
        subcommands = {CommandLine.HelpCommand.class, CalibrateCommand.class})
public final class TemperCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TemperCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'temper --help'");
    }
}
