package org.temper.examples.reproduce;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code temper reproduce}: one subcommand per experiment of the papers. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Rerun an experiment of the papers and report it beside the published numbers.",
        subcommands = {SmoothingCommand.class, PenaltyCommand.class, DistillationCommand.class, ProjectionCommand.class,
                InformationCommand.class})
public final class ReproduceCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing experiment: try 'temper reproduce smoothing --help' or 'temper reproduce penalty --help'");
    }
}
