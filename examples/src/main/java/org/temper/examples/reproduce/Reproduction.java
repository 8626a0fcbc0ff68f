package org.temper.examples.reproduce;

import org.temper.examples.TemperCommand;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code temper reproduce} for other modules that run its trials elsewhere (spark-sweeps): the command
 * with a {@link TrialExecutor} for the missing trials, and the one trial that a task runs, rebuilt from
 * the same arguments. Only the arguments and a trial's key travel, never code.
 */
public final class Reproduction {

    private Reproduction() {
    }

    /**
     * Runs {@code temper reproduce ARGS} as the command line does, the missing trials by the executor
     * when the arguments give --master.
     * @param args the arguments after {@code reproduce}: the experiment's name and its options
     * @param executor where the missing trials run
     * @return the exit code: 0 when every trial finished, 1 when some failed, 2 for bad input
     */
    public static int run(List<String> args, TrialExecutor executor) {
        CommandLine cl = TemperCommand.commandLine();
        cl.getSubcommands().get("reproduce").getSubcommands().values().forEach(sub -> {
            if (sub.getCommand() instanceof ExperimentCommand<?> e) {
                e.options().executor = executor;
            }
        });
        return cl.execute(withReproduce(args));
    }

    /**
     * Runs one trial of {@code temper reproduce ARGS} in this thread, as a task does: the experiment is
     * planned from the arguments, and the trial, unless stored already, is trained and stored in the
     * experiment's folder, or recorded there as failed.
     * @param args the arguments after {@code reproduce}, as the command got them
     * @param key the trial's key
     * @param progress where its per-epoch progress goes
     * @throws Exception when the experiment cannot be planned (its data unreadable here, its folder
     *         holding something else) or the failure cannot be recorded
     */
    public static void runTrial(List<String> args, String key, PrintStream progress) throws Exception {
        CommandLine.ParseResult parsed = TemperCommand.commandLine().parseArgs(withReproduce(args));
        Object command = parsed.subcommand().subcommand().commandSpec().userObject();
        if (!(command instanceof ExperimentCommand<?> e)) {
            throw new IllegalArgumentException("reproduce " + String.join(" ", args) + ": not an experiment");
        }
        e.plan().runOne(key, progress);
    }

    private static String[] withReproduce(List<String> args) {
        List<String> all = new ArrayList<>(List.of("reproduce"));
        all.addAll(args);
        return all.toArray(String[]::new);
    }
}
