package org.temper.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code temper demo}: the README's main job, which is {@code temper reproduce smoothing --quick} into a
 * new {@code temper-demo/run-<time>} folder: a hard-target and four label-smoothed MLPs
 * (784-1200-1200-10) trained on Fashion-MNIST on the CPU, their test accuracy and ECE beside the
 * published numbers, the hard net's temperature, and reliability diagrams of all five in report.html.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a hard-target and label-smoothed networks on Fashion-MNIST and compare their calibration:"
                + " 'temper reproduce smoothing --quick' into a new run-<time> folder.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "temper-demo", paramLabel = "DIR",
            description = "Folder under which each run writes a new run-<time> folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "Train on N images instead of 20,000 (quicker runs).")
    Integer limit;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs instead of 10.")
    Integer epochs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path run = out.resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<String> args = new ArrayList<>(List.of("reproduce", "smoothing", "--quick", "--out", run.toString()));
        if (limit != null) {
            args.addAll(List.of("--train-examples", limit.toString()));
        }
        if (epochs != null) {
            args.addAll(List.of("--epochs", epochs.toString()));
        }
        System.out.println("temper " + String.join(" ", args));
        return spec.root().commandLine().execute(args.toArray(String[]::new));
    }
}
