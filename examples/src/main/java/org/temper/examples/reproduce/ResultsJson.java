package org.temper.examples.reproduce;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes results.json: the experiment, the run, the published numbers, the per-alpha summaries, every
 * trial (without its test logits and labels, which stay in trials/), the figures and the notes.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    /**
     * @param report the content
     * @return the JSON tree
     */
    static ObjectNode tree(SmoothingReport report) {
        ObjectNode root = TrialStore.JSON.createObjectNode();
        root.put("title", report.title());
        root.set("experiment", TrialStore.JSON.valueToTree(report.experiment()));
        root.set("run", TrialStore.JSON.valueToTree(report.run()));
        root.set("published", TrialStore.JSON.valueToTree(report.published()));
        root.set("summaries", TrialStore.JSON.valueToTree(report.summaries()));
        var trials = root.putArray("trials");
        for (Trial t : report.trials()) {
            ObjectNode n = TrialStore.JSON.valueToTree(t);
            n.remove("testLogits");
            n.remove("testLabels");
            trials.add(n);
        }
        ObjectNode figures = root.putObject("figures");
        report.figures().forEach((name, png) -> figures.putObject(name).put("png", png)
                .put("svg", png.replaceAll("\\.png$", ".svg")));
        root.set("notes", TrialStore.JSON.valueToTree(report.notes()));
        return root;
    }

    /**
     * @param folder the experiment's folder
     * @param report the content
     * @return true when results.json was written now
     * @throws IOException when it cannot be written
     */
    static boolean write(Path folder, SmoothingReport report) throws IOException {
        ObjectNode root = tree(report);
        return Outputs.write(folder.resolve("results.json"), tmp -> TrialStore.JSON.writeValue(tmp.toFile(), root));
    }
}
